package io.github.wenda.bot.answer.llm;

import static io.github.wenda.bot.answer.llm.Fixtures.API_KEY;
import static io.github.wenda.bot.answer.llm.Fixtures.HITS;
import static io.github.wenda.bot.answer.llm.Fixtures.baseUrl;
import static io.github.wenda.bot.answer.llm.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerRequest;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.answer.llm.FakeLlmServer.Script;
import io.github.wenda.bot.answer.llm.LlmSettings.Provider;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * The API key reaches the server and nowhere else: not notes, not toString, not logs, not stderr.
 */
class LlmSecretsTest {
  private final FakeLlmServer server = FakeLlmServer.start();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private Logger root;
  private Level rootLevel;
  private PrintStream originalErr;

  @BeforeEach
  void captureEverything() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    // Most verbose level, so LangChain4j's own debug logging would show a leak too.
    root.setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
    originalErr = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    server.close();
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void keyIsSentButNeverLoggedOrShown_evenWhenTheServerEchoesIt(Provider provider) {
    // given: a 401 whose body quotes the key, as OpenAI's does, then a normal exchange
    server.then(
        Script.status(
            401, "{\"error\":{\"message\":\"Incorrect API key provided: " + API_KEY + "\"}}"),
        Script.reply("自贸区于2010年1月1日全面建成[1]。"),
        Script.tokens(0, "自贸区于2010年1月1日", "全面建成[1]。"));
    LlmSettings s = settings(provider, baseUrl(server, provider));
    LlmSettings streaming =
        settings(
            provider,
            baseUrl(server, provider),
            Duration.ofSeconds(2),
            true,
            UnsupportedPolicy.MARK);
    AnswerRequest question = AnswerRequest.of("自贸区什么时候建成？");

    // when
    Answer refused =
        LlmComposer.create(s, new Fixtures.FakeExtractive(), Fixtures.VOCABULARY)
            .compose(question, HITS, TokenSink.NONE);
    Answer plain =
        LlmComposer.create(s, new Fixtures.FakeExtractive(), Fixtures.VOCABULARY)
            .compose(question, HITS, TokenSink.NONE);
    Answer streamed =
        LlmComposer.create(streaming, new Fixtures.FakeExtractive(), Fixtures.VOCABULARY)
            .compose(question, HITS, TokenSink.NONE);

    // then
    assertThat(server.requests())
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + API_KEY));
    assertThat(refused.notes())
        .containsExactly(
            "LLM unavailable (HTTP 401, the server refused the API key); answered from the passages directly.");
    assertThat(plain.found()).isTrue();
    assertThat(streamed.found()).isTrue();
    assertThat(String.join("\n", refused.notes())).doesNotContain(API_KEY);
    assertThat(s.toString()).doesNotContain(API_KEY);
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list).allSatisfy(e -> assertThat(rendered(e)).doesNotContain(API_KEY));
    assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain(API_KEY);
  }

  private static String rendered(ILoggingEvent e) {
    StringBuilder b = new StringBuilder(e.getFormattedMessage());
    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
      b.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
    }
    return b.toString();
  }
}
