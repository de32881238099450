package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.conversation.FollowUpMerger;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerServiceTest {
  private final List<Query> searched = new ArrayList<>();
  private final List<Hit> corpusHits = Hits.of("上合组织成立于2001年6月15日。", "独联体与上合组织签署了谅解备忘录。");
  private final QueryAnalyzer analyzer = new QueryAnalyzer();

  private AnswerService service(double minCoverage) {
    return new AnswerService(
        q -> {
          searched.add(q);
          return corpusHits;
        },
        analyzer,
        w -> w.equals("北约") ? 6.0 : 1.0,
        new NoAnswerPolicy(minCoverage, 0.99, 3),
        new ExtractiveComposer(
            new io.github.wenda.bot.question.QuestionAnalyzer(),
            w -> 1.0,
            new ExtractiveComposer.Limits(3, 300, 3)),
        new FollowUpMerger(analyzer, 8),
        false,
        new AnswerService.Settings(5, SearchMode.HYBRID, 50, 3));
  }

  @Test
  void answers_with_citations_when_the_evidence_is_strong() {
    Answer a = service(0.5).answer(new Conversation(5), "上合组织什么时候成立？", TokenSink.NONE);
    assertThat(a.found()).isTrue();
    assertThat(a.text()).contains("2001年6月15日");
  }

  @Test
  void declines_when_rare_question_words_are_missing_and_lists_related_passages() {
    Answer a = service(0.5).answer(new Conversation(5), "北约是哪一年成立的？", TokenSink.NONE);
    assertThat(a.found()).isFalse();
    assertThat(a.text()).isEmpty();
    assertThat(a.related()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void follow_ups_are_searched_with_the_earlier_question() {
    AnswerService s = service(0.0);
    Conversation c = new Conversation(5);
    s.answer(c, "上合组织和独联体签署了什么？", TokenSink.NONE);
    s.answer(c, "那东盟呢？", TokenSink.NONE);
    // The contrasted entity gives way to the new one; the subject and predicate stay (issue #11
    // item 7).
    assertThat(searched.get(1).text()).contains("上合组织", "东盟", "签署").doesNotContain("独联体");
    assertThat(c.history()).hasSize(2);
  }

  @Test
  void over_long_questions_are_cut_with_a_note() {
    Answer a = service(0.0).answer(new Conversation(0), "上合组织成立".repeat(100), TokenSink.NONE);
    assertThat(a.notes()).anyMatch(n -> n.contains("50"));
    assertThat(searched.get(0).text().length()).isLessThanOrEqualTo(200);
  }

  @Test
  void english_questions_offline_get_a_note_that_the_documents_are_chinese() {
    Answer a =
        service(0.0).answer(new Conversation(0), "When was the SCO founded?", TokenSink.NONE);
    assertThat(a.notes()).anyMatch(n -> n.contains("Chinese"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "\u0000\u0001\u0002",
        "\uD800",
        "\uDC00上合",
        "<b>上合</b>",
        "上合 AND (组织 OR *)",
        "😀😀"
      })
  void hostile_questions_never_throw(String q) {
    assertThatCode(() -> service(0.5).answer(new Conversation(1), q, TokenSink.NONE))
        .doesNotThrowAnyException();
  }

  @Test
  void empty_questions_are_declined_without_searching() {
    Answer a = service(0.5).answer(new Conversation(0), " \u0000 ", TokenSink.NONE);
    assertThat(a.found()).isFalse();
    assertThat(searched).isEmpty();
  }

  @Test
  void lone_surrogates_and_controls_are_removed_but_pairs_kept() {
    assertThat(AnswerService.sanitize("a\uD800b\u0007c😀")).isEqualTo("abc😀");
  }
}
