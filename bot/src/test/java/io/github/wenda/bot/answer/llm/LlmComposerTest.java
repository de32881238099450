package io.github.wenda.bot.answer.llm;

import static io.github.wenda.bot.answer.llm.Fixtures.API_KEY;
import static io.github.wenda.bot.answer.llm.Fixtures.HITS;
import static io.github.wenda.bot.answer.llm.Fixtures.baseUrl;
import static io.github.wenda.bot.answer.llm.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerRequest;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.answer.llm.FakeLlmServer.Script;
import io.github.wenda.bot.answer.llm.Fixtures.FakeExtractive;
import io.github.wenda.bot.answer.llm.LlmSettings.Provider;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import io.github.wenda.bot.conversation.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** LlmComposer with real LangChain4j clients against {@link FakeLlmServer}, for both providers. */
class LlmComposerTest {
  private static final AnswerRequest QUESTION = AnswerRequest.of("中国—东盟自由贸易区是什么时候建成的？");
  private static final String GOOD = "中国—东盟自由贸易区于2010年1月1日全面建成[1]。2002年11月，中国与东盟签署了框架协议【2】。";

  private final FakeLlmServer server = FakeLlmServer.start();
  private final FakeExtractive extractive = new FakeExtractive();

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmComposer composer(LlmSettings s) {
    return LlmComposer.create(s, extractive, Fixtures.VOCABULARY);
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void goodCitedAnswer_isFoundWithTheCitedPassagesInOrderOfUse(Provider provider) {
    // given
    server.then(Script.reply(GOOD));
    LlmComposer composer = composer(settings(provider, baseUrl(server, provider)));

    // when
    Answer answer = composer.compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.found()).isTrue();
    assertThat(answer.text()).isEqualTo("中国—东盟自由贸易区于2010年1月1日全面建成[1]。2002年11月，中国与东盟签署了框架协议[2]。");
    assertThat(answer.citations()).extracting(Citation::n).containsExactly(1, 2);
    assertThat(answer.citations())
        .extracting(Citation::hit)
        .containsExactly(HITS.get(0), HITS.get(1));
    assertThat(answer.notes()).isEmpty();
    assertThat(extractive.calls).hasValue(0);
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void request_numbersThePassagesAndSendsModelAndKey(Provider provider) {
    // given
    server.then(Script.reply(GOOD));
    AnswerRequest followUp =
        new AnswerRequest(
            "那它是什么时候建成的？", "zh", List.of(new Turn("什么是中国—东盟自贸区？", "什么是中国—东盟自贸区？", "…")));

    // when
    composer(settings(provider, baseUrl(server, provider))).compose(followUp, HITS, TokenSink.NONE);

    // then
    FakeLlmServer.Recorded request = server.lastRequest();
    assertThat(request.path())
        .isEqualTo(provider == Provider.OPENAI ? "/v1/chat/completions" : "/api/chat");
    assertThat(request.body().path("model").asText()).isEqualTo("qwen-test");
    assertThat(request.header("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(request.prompt())
        .contains("[1] 《中国—东盟自由贸易区》 — 概况\n中国—东盟自由贸易区于2010年1月1日全面建成")
        .contains("[2] 《中国—东盟自由贸易区》 — 历史")
        .contains("[3] 《上海合作组织》\n")
        .contains("简体中文")
        .contains("- 什么是中国—东盟自贸区？")
        .contains("There are 3 passages, numbered [1] to [3]")
        .contains("<question>\n那它是什么时候建成的？\n</question>");
  }

  @Test
  void onlyTheConfiguredNumberOfPassages_goesIntoThePrompt() {
    // given
    server.then(Script.reply(GOOD));
    LlmSettings two =
        new LlmSettings(
            Provider.OPENAI,
            server.openAiBaseUrl(),
            "m",
            0.0,
            Duration.ofSeconds(2),
            "",
            2,
            UnsupportedPolicy.MARK,
            0.3,
            false);

    // when
    composer(two).compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(server.lastRequest().prompt()).contains("[2] ").doesNotContain("[3] ");
    assertThat(server.lastRequest().header("Authorization")).as("no key, no header").isNull();
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void citationOfMissingPassage_isDroppedWithANote(Provider provider) {
    // given
    server.then(Script.reply("中国—东盟自由贸易区于2010年1月1日全面建成[1][7]。"));

    // when
    Answer answer =
        composer(settings(provider, baseUrl(server, provider)))
            .compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.found()).isTrue();
    assertThat(answer.text()).isEqualTo("中国—东盟自由贸易区于2010年1月1日全面建成[1]。");
    assertThat(answer.citations()).extracting(Citation::n).containsExactly(1);
    assertThat(answer.notes())
        .containsExactly("Dropped 1 citation marker that pointed to no passage.");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void sentenceWithNumberNotInItsPassage_isMarked(Provider provider) {
    // given: the SCO was founded in 2001, not 1999
    server.then(Script.reply("中国—东盟自由贸易区于2010年1月1日全面建成[1]。上海合作组织于1999年在上海成立[3]。"));

    // when
    Answer answer =
        composer(settings(provider, baseUrl(server, provider)))
            .compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.text())
        .isEqualTo("中国—东盟自由贸易区于2010年1月1日全面建成[1]。上海合作组织于1999年在上海成立[3]。（未经文献证实）");
    assertThat(answer.citations()).extracting(Citation::n).containsExactly(1, 3);
    assertThat(answer.notes())
        .containsExactly("1 sentence not supported by the passages is marked.");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void sentenceWithNumberNotInItsPassage_isRemovedUnderRemovePolicy(Provider provider) {
    // given
    server.then(Script.reply("中国—东盟自由贸易区于2010年1月1日全面建成[1]。上海合作组织于1999年在上海成立[3]。"));
    LlmSettings remove =
        settings(
            provider,
            baseUrl(server, provider),
            Duration.ofSeconds(2),
            false,
            UnsupportedPolicy.REMOVE);

    // when
    Answer answer = composer(remove).compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.text()).isEqualTo("中国—东盟自由贸易区于2010年1月1日全面建成[1]。");
    assertThat(answer.citations()).extracting(Citation::n).containsExactly(1);
    assertThat(answer.notes()).containsExactly("Removed 1 sentence not supported by the passages.");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void uncited_reply_is_checked_against_all_passages_and_shown_as_uncited(Provider provider) {
    // given
    server.then(Script.reply("中国—东盟自由贸易区于2010年1月1日全面建成。"));

    // when
    Answer answer =
        composer(settings(provider, baseUrl(server, provider)))
            .compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(extractive.calls).hasValue(0);
    assertThat(answer.found()).isTrue();
    assertThat(answer.text()).isEqualTo("中国—东盟自由贸易区于2010年1月1日全面建成。（未注明出处）");
    assertThat(answer.sentences())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.supported()).isTrue();
              assertThat(s.citations()).isEmpty();
              assertThat(s.reason()).startsWith("uncited");
            });
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void reply_of_only_wrong_claims_is_not_found_with_the_passages_as_related(Provider provider) {
    // given: common words of the passages, wrong facts
    server.then(Script.reply("上海合作组织于2001年6月15日在纽约成立[3]。自贸区涵盖三十五个国家[1]。"));

    // when
    Answer answer =
        composer(settings(provider, baseUrl(server, provider)))
            .compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.found()).isFalse();
    assertThat(answer.text()).isEmpty();
    assertThat(answer.related()).containsExactlyElementsOf(HITS);
    assertThat(answer.notes())
        .first()
        .asString()
        .startsWith("Nothing the language model wrote could be found");
    assertThat(answer.sentences()).extracting(s -> s.supported()).containsExactly(false, false);
    assertThat(answer.sentences().get(0).reason()).contains("纽约");
    assertThat(answer.sentences().get(1).reason()).contains("35");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void model_saying_the_passages_do_not_answer_is_not_overridden(Provider provider) {
    // given
    server.then(Script.reply(PromptBuilder.NO_ANSWER));

    // when
    Answer answer =
        composer(settings(provider, baseUrl(server, provider)))
            .compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.found()).isFalse();
    assertThat(extractive.calls).hasValue(0);
    assertThat(answer.related()).isNotEmpty();
    assertThat(answer.notes()).contains("The language model found no answer in the passages.");
  }

  static Stream<Arguments> cutReplies() {
    String text = "中国—东盟自由贸易区于2010年1月1日全面建成[1]。2002年11月，中国与东盟签署";
    return Stream.of(
        Arguments.of(Provider.OPENAI, true, Script.lengthLimited(text)),
        Arguments.of(Provider.OLLAMA, true, Script.lengthLimited(text)),
        Arguments.of(Provider.OPENAI, false, Script.lengthLimited(text)),
        // (Ollama's client neither completes nor fails on a closed stream; that is a stall,
        // answered extractively.)
        Arguments.of(Provider.OPENAI, true, Script.cutOff(text)));
  }

  @ParameterizedTest(name = "{0} stream={1}")
  @MethodSource("cutReplies")
  void cut_off_reply_drops_its_unfinished_sentence_with_a_note(
      Provider provider, boolean stream, Script cut) {
    // given
    server.then(cut);
    LlmSettings s =
        settings(
            provider,
            baseUrl(server, provider),
            Duration.ofSeconds(2),
            stream,
            UnsupportedPolicy.MARK);

    // when
    Answer answer = composer(s).compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.found()).isTrue();
    assertThat(answer.text()).isEqualTo("中国—东盟自由贸易区于2010年1月1日全面建成[1]。");
    assertThat(answer.notes())
        .contains(
            "The language model's reply was cut off; its unfinished last sentence is not shown.");
    assertThat(answer.sentences())
        .last()
        .satisfies(x -> assertThat(x.reason()).startsWith("cut off"));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void english_question_gets_checked_source_phrases(Provider provider) {
    // given
    server.then(
        Script.reply(
            "The area was completed on 1 January 2010 「于2010年1月1日全面建成」[1]. "
                + "It has thirty-five members 「自贸区涵盖11个国家」[1]."));
    AnswerRequest english = AnswerRequest.of("When was the China-ASEAN free trade area completed?");

    // when
    Answer answer =
        composer(settings(provider, baseUrl(server, provider)))
            .compose(english, HITS, TokenSink.NONE);

    // then
    assertThat(server.lastRequest().prompt()).contains("Answer in English", "「」");
    assertThat(answer.found()).isTrue();
    assertThat(answer.text())
        .isEqualTo(
            "The area was completed on 1 January 2010 「于2010年1月1日全面建成」[1]. "
                + "It has thirty-five members 「自贸区涵盖11个国家」[1]. (unsupported)");
    assertThat(answer.sentences().get(1).reason()).contains("35");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void emptyReply_fallsBack(Provider provider) {
    // given
    server.then(Script.reply(""));

    // when
    Answer answer =
        composer(settings(provider, baseUrl(server, provider)))
            .compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.text()).startsWith("extractive: ");
    assertThat(answer.notes())
        .containsExactly("LLM gave an empty reply; answered from the passages directly.");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void serverError_fallsBackWithANote(Provider provider) {
    // given
    server.then(Script.status(500, "{\"error\":\"model crashed\"}"));

    // when
    Answer answer =
        composer(settings(provider, baseUrl(server, provider)))
            .compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.text()).startsWith("extractive: ");
    assertThat(answer.notes())
        .containsExactly("LLM unavailable (HTTP 500); answered from the passages directly.");
    assertThat(server.requests()).as("no retries inside LangChain4j").hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void serverError_whileStreaming_fallsBackWithANote(Provider provider) {
    // given
    server.then(Script.status(500, "{\"error\":\"model crashed\"}"));
    LlmSettings s =
        settings(
            provider,
            baseUrl(server, provider),
            Duration.ofSeconds(2),
            true,
            UnsupportedPolicy.MARK);

    // when
    Answer answer = composer(s).compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.notes())
        .containsExactly("LLM unavailable (HTTP 500); answered from the passages directly.");
  }

  @Test
  void unreachableServer_fallsBackWithANote() {
    // given: a port nobody listens on any more
    String url = server.openAiBaseUrl();
    server.close();

    // when
    Answer answer =
        composer(settings(Provider.OPENAI, url)).compose(QUESTION, HITS, TokenSink.NONE);

    // then
    assertThat(answer.notes())
        .singleElement()
        .asString()
        .startsWith("LLM unavailable (cannot connect to http://127.0.0.1:")
        .endsWith("); answered from the passages directly.");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void hungServer_fallsBackWithinTheTimeout(Provider provider) {
    // given
    server.then(Script.slow(6_000, GOOD), Script.slow(6_000, GOOD));
    for (boolean stream : new boolean[] {false, true}) {
      LlmSettings s =
          settings(
              provider,
              baseUrl(server, provider),
              Duration.ofSeconds(1),
              stream,
              UnsupportedPolicy.MARK);

      // when
      long start = System.nanoTime();
      Answer answer = composer(s).compose(QUESTION, HITS, TokenSink.NONE);
      long millis = (System.nanoTime() - start) / 1_000_000;

      // then
      assertThat(millis).as("stream=" + stream).isBetween(900L, 2_000L);
      assertThat(answer.notes())
          .containsExactly(
              "LLM unavailable (timeout after 1 s); answered from the passages directly.");
    }
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void streamThatStallsAfterTheFirstToken_fallsBackWithinTheTimeout(Provider provider) {
    // given: headers and one token arrive at once, then nothing (the HTTP client's own timeout
    // only covers the wait for headers, so this is ours to catch)
    server.then(Script.tokens(6_000, "中国", "—东盟"));
    LlmSettings s =
        settings(
            provider,
            baseUrl(server, provider),
            Duration.ofSeconds(1),
            true,
            UnsupportedPolicy.MARK);
    List<String> tokens = Collections.synchronizedList(new ArrayList<>());

    // when
    long start = System.nanoTime();
    Answer answer = composer(s).compose(QUESTION, HITS, tokens::add);
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then
    assertThat(millis).isBetween(900L, 2_000L);
    assertThat(answer.notes())
        .containsExactly(
            "LLM unavailable (timeout after 1 s); answered from the passages directly.");
    assertThat(tokens).containsExactly("中国");
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void slowStream_reachesTheSinkTokenByTokenBeforeTheReplyCompletes(Provider provider) {
    // given
    server.then(Script.tokens(200, "中国—东盟自由贸易区", "于2010年1月1日", "全面建成", "[1]", "。"));
    LlmSettings s =
        settings(
            provider,
            baseUrl(server, provider),
            Duration.ofSeconds(2),
            true,
            UnsupportedPolicy.MARK);
    List<String> tokens = Collections.synchronizedList(new ArrayList<>());
    List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();

    // when
    Answer answer =
        composer(s)
            .compose(
                QUESTION,
                HITS,
                token -> {
                  tokens.add(token);
                  arrivals.add((System.nanoTime() - start) / 1_000_000);
                });
    long done = (System.nanoTime() - start) / 1_000_000;

    // then
    assertThat(answer.text()).isEqualTo("中国—东盟自由贸易区于2010年1月1日全面建成[1]。");
    assertThat(answer.notes()).isEmpty();
    assertThat(String.join("", tokens)).isEqualTo(answer.text());
    assertThat(arrivals).hasSize(5);
    assertThat(arrivals.get(4) - arrivals.get(0))
        .as("first token well before the last")
        .isGreaterThanOrEqualTo(600L);
    assertThat(done - arrivals.get(0)).isGreaterThanOrEqualTo(600L);
  }

  @Test
  void noHits_goStraightToTheFallbackWithoutCallingTheLlm() {
    // when
    Answer answer =
        composer(settings(Provider.OPENAI, server.openAiBaseUrl()))
            .compose(QUESTION, List.of(), TokenSink.NONE);

    // then
    assertThat(answer.found()).isFalse();
    assertThat(answer.notes()).isEmpty();
    assertThat(server.requests()).isEmpty();
  }

  static Stream<Arguments> garbageReplies() {
    List<Arguments> out = new ArrayList<>();
    for (Provider provider : Provider.values()) {
      for (boolean stream : new boolean[] {false, true}) {
        out.add(
            Arguments.of(
                provider,
                stream,
                "an HTML error page",
                Script.garbage("<html><body>502 Bad Gateway</body></html>")));
        out.add(
            Arguments.of(
                provider,
                stream,
                "truncated JSON",
                Script.garbage("{\"choices\":[{\"message\":{\"content\":\"中国")));
        out.add(
            Arguments.of(
                provider,
                stream,
                "JSON of another shape",
                Script.garbage("{\"result\":42,\"choices\":\"none\"}")));
        out.add(
            Arguments.of(
                provider,
                stream,
                "binary noise",
                Script.garbage("\u0000\u0001\uFFFD\uD800 data: [DONE")));
        out.add(Arguments.of(provider, stream, "a dropped connection", Script.drop()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} stream={1}: {2}")
  @MethodSource("garbageReplies")
  void garbageOrADroppedConnection_fallsBackWithinTheTimeout(
      Provider provider, boolean stream, String what, Script garbage) {
    // given
    server.then(garbage);
    // (Ollama's streaming client never reports a garbage 200 body as an error: only our timeout
    // ends those.)
    LlmSettings s =
        settings(
            provider,
            baseUrl(server, provider),
            Duration.ofSeconds(1),
            stream,
            UnsupportedPolicy.MARK);

    // when
    long start = System.nanoTime();
    Answer answer = composer(s).compose(QUESTION, HITS, TokenSink.NONE);
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then
    assertThat(millis).as("within the timeout, with room for scheduling").isLessThan(2_500L);
    assertThat(answer.text()).startsWith("extractive: ");
    assertThat(answer.notes())
        .singleElement()
        .asString()
        .startsWith("LLM ")
        .endsWith("answered from the passages directly.");
  }
}
