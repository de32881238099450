package io.github.wenda.bot.answer.llm;

import static io.github.wenda.bot.answer.llm.Fixtures.baseUrl;
import static io.github.wenda.bot.answer.llm.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Turn;
import io.github.wenda.bot.answer.llm.FakeLlmServer.Script;
import io.github.wenda.bot.answer.llm.LlmSettings.Provider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rewriter with real LangChain4j clients against {@link FakeLlmServer}. */
class LlmQueryRewriterTest {
  private static final List<Turn> HISTORY =
      List.of(new Turn("中国和日本的贸易额是多少？", "中国和日本的贸易额是多少？", "2023年中日贸易额约为3180亿美元[1]。"));

  private final FakeLlmServer server = FakeLlmServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmQueryRewriter rewriter(Provider provider) {
    LlmSettings s = settings(provider, baseUrl(server, provider));
    return new LlmQueryRewriter(ChatModels.chat(s), s);
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void followUp_isCondensedWithTheHistory(Provider provider) {
    // given
    server.then(Script.reply("「中国和东盟的贸易额是多少？」\n"));

    // when
    String rewritten = rewriter(provider).rewrite("那它和东盟呢？", HISTORY);

    // then
    assertThat(rewritten).isEqualTo("中国和东盟的贸易额是多少？");
    assertThat(server.lastRequest().prompt())
        .contains("Simplified Chinese", "Q: 中国和日本的贸易额是多少？", "Latest question: 那它和东盟呢？");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void serverError_returnsTheOriginalQuestion(Provider provider) {
    // given
    server.then(Script.status(500, "{\"error\":\"overloaded\"}"));

    // when / then
    assertThat(rewriter(provider).rewrite("那它和东盟呢？", HISTORY)).isEqualTo("那它和东盟呢？");
  }

  @Test
  void emptyReply_returnsTheOriginalQuestion() {
    // given
    server.then(Script.reply("   "));

    // when / then
    assertThat(rewriter(Provider.OPENAI).rewrite("What about ASEAN?", HISTORY)).isEqualTo("What about ASEAN?");
  }

  @Test
  void slowServer_returnsTheOriginalQuestionWithinTheRewriteTimeout() {
    // given
    server.then(Script.slow(5_000, "中国和东盟的贸易额是多少？"));
    LlmSettings s = settings(Provider.OLLAMA, server.ollamaBaseUrl());
    LlmQueryRewriter rewriter = new LlmQueryRewriter(ChatModels.chat(s), s, Duration.ofMillis(500));

    // when
    long start = System.nanoTime();
    String rewritten = rewriter.rewrite("那它和东盟呢？", HISTORY);
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then
    assertThat(rewritten).isEqualTo("那它和东盟呢？");
    assertThat(millis).isBetween(400L, 1_500L);
  }
}
