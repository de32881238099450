package io.github.wenda.bot.answer.llm;

import static io.github.wenda.bot.answer.llm.Fixtures.baseUrl;
import static io.github.wenda.bot.answer.llm.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.llm.FakeLlmServer.Script;
import io.github.wenda.bot.answer.llm.LlmSettings.Provider;
import io.github.wenda.bot.conversation.FollowUpMerger;
import io.github.wenda.bot.conversation.QueryRewriter;
import io.github.wenda.bot.conversation.Turn;
import io.github.wenda.retrieval.text.QueryAnalyzer;
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
    assertThat(rewriter(Provider.OPENAI).rewrite("What about ASEAN?", HISTORY))
        .isEqualTo("What about ASEAN?");
  }

  @Test
  void slowServer_returnsTheOriginalQuestionWithinTheRewriteTimeout() {
    // given
    server.then(Script.slow(5_000, "中国和东盟的贸易额是多少？"));
    LlmSettings s = settings(Provider.OLLAMA, server.ollamaBaseUrl());
    LlmQueryRewriter rewriter =
        new LlmQueryRewriter(ChatModels.chat(s), s, Duration.ofMillis(500), QueryRewriter.NONE);

    // when
    long start = System.nanoTime();
    String rewritten = rewriter.rewrite("那它和东盟呢？", HISTORY);
    long millis = (System.nanoTime() - start) / 1_000_000;

    // then
    assertThat(rewritten).isEqualTo("那它和东盟呢？");
    assertThat(millis).isBetween(400L, 1_500L);
  }

  private LlmQueryRewriter withOfflineRules(Provider provider) {
    LlmSettings s = settings(provider, baseUrl(server, provider));
    return new LlmQueryRewriter(
        ChatModels.chat(s), s, s.timeout(), new FollowUpMerger(new QueryAnalyzer(), 8));
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void a_first_chinese_question_goes_straight_to_search_without_a_model_call(Provider provider) {
    // when
    QueryRewriter.Rewrite r =
        withOfflineRules(provider).rewriteWithNotes("上海合作组织是什么时候成立的？", List.of());

    // then
    assertThat(r.text()).isEqualTo("上海合作组织是什么时候成立的？");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void a_chinese_question_that_stands_on_its_own_after_others_makes_no_call_either() {
    // when
    String r = withOfflineRules(Provider.OPENAI).rewrite("中国加入世界贸易组织的谈判历时多久？", HISTORY);

    // then
    assertThat(r).isEqualTo("中国加入世界贸易组织的谈判历时多久？");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void a_first_question_in_another_language_is_translated() {
    // given
    server.then(Script.reply("上海合作组织是什么时候成立的？"));

    // when
    String r = withOfflineRules(Provider.OPENAI).rewrite("When was the SCO founded?", List.of());

    // then
    assertThat(r).isEqualTo("上海合作组织是什么时候成立的？");
    assertThat(server.requests()).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void a_failed_rewrite_falls_back_to_the_offline_merge_with_a_note(Provider provider) {
    // given
    server.then(Script.status(500, "{\"error\":\"boom\"}"));

    // when
    QueryRewriter.Rewrite r =
        withOfflineRules(provider)
            .rewriteWithNotes("那和东盟呢？", List.of(new Turn("上合组织与独联体的合作", "上合组织与独联体的合作", "…")));

    // then
    assertThat(r.text()).isEqualTo("上合组织与东盟的合作？");
    assertThat(r.notes())
        .singleElement()
        .asString()
        .startsWith("The language model could not rewrite the question (HTTP 500)")
        .endsWith("searched as: 上合组织与东盟的合作？");
  }
}
