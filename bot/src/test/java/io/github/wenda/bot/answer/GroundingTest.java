package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.conversation.FollowUpMerger;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three refusal states, decided from the candidate sentences of the passages search found. */
class GroundingTest {
  private static final List<Hit> CORPUS =
      Hits.of(
          "2001年6月15日，上合组织在中国上海宣告成立。上合组织秘书处设在北京。",
          "2018年11月27日，上合组织与联合国举行了第二次高级别会议，现任联合国秘书长古特雷斯在会上讲话。",
          "美西方认为上合组织是“东方北约”。");

  private final QueryAnalyzer words = new QueryAnalyzer();

  private Answer ask(String question) {
    return ask(question, CORPUS);
  }

  private Answer ask(String question, List<Hit> corpus) {
    // Words the corpus above does not have, or has once, are rare; the rest are common.
    java.util.function.ToDoubleFunction<String> idf =
        w ->
            switch (w) {
              case "北约", "现任", "古特雷斯", "首任", "预算", "城市", "伊朗" -> 5.0;
              case "上", "合", "组织", "上合", "成立" -> 0.5;
              default -> 3.0;
            };
    AnswerService service =
        new AnswerService(
            q -> corpus,
            words,
            idf,
            new NoAnswerPolicy(0.3, 0.99, 3),
            new ExtractiveComposer(
                new io.github.wenda.bot.question.QuestionAnalyzer(),
                idf,
                new ExtractiveComposer.Limits(3, 300, 10)),
            new FollowUpMerger(words, 8),
            false,
            new AnswerService.Settings(5, SearchMode.HYBRID, 200, 3));
    return service.answer(new Conversation(0), question, TokenSink.NONE);
  }

  @Test
  void a_question_the_documents_answer_is_answered() {
    Answer a = ask("上合组织是什么时候成立的？");
    assertThat(a.found()).isTrue();
    assertThat(a.text()).startsWith("2001年6月15日");
  }

  @Test
  void a_person_question_about_an_entity_no_candidate_speaks_of_is_not_stated() {
    Answer a = ask("北约现任秘书长是谁？");
    assertThat(a.found()).isFalse();
    assertThat(a.notStated()).isTrue();
    assertThat(a.text()).startsWith("文档提到了").contains("但没有说明");
    assertThat(a.related()).isNotEmpty();
    assertThat(a.citations()).isEmpty();
  }

  @Test
  void a_typed_question_whose_type_no_sentence_carries_is_not_stated() {
    Answer a = ask("上合组织与联合国第二次高级别会议在哪个城市举行？");
    assertThat(a.notStated()).as(a.text()).isTrue();
  }

  @Test
  void a_question_about_nothing_in_the_documents_is_not_covered() {
    Answer a = ask("红烧肉怎么做才好吃？");
    assertThat(a.found()).isFalse();
    assertThat(a.notStated()).isFalse();
  }

  @Test
  void the_not_stated_message_names_what_is_there_and_what_is_not() {
    assertThat(
            Grounding.message(
                List.of("上合组织", "秘书处"),
                List.of("预算"),
                io.github.wenda.bot.question.ExpectedType.NUMBER,
                true))
        .isEqualTo("文档提到了上合组织、秘书处，但没有说明预算的具体数字。");
    assertThat(
            Grounding.message(
                List.of("SCO"), List.of(), io.github.wenda.bot.question.ExpectedType.DATE, false))
        .isEqualTo("The documents mention SCO but do not say when.");
  }

  @Test
  void a_compound_question_is_recognised() {
    assertThat(Grounding.compound("韩璐在哪个机构工作,担任什么职务?")).isTrue();
    assertThat(Grounding.compound("上合组织秘书处设在哪里?")).isFalse();
  }

  @Test
  void a_longer_name_counts_as_the_question_word_when_most_of_its_characters_are_there() {
    assertThat(Grounding.holds("上合组织与红十字国际委员会签署了谅解备忘录", "红十字会")).isTrue();
    assertThat(Grounding.holds("上合组织与联合国签署了谅解备忘录", "红十字会")).isFalse();
    // Two characters are one bigram: they must be there as written.
    assertThat(Grounding.holds("美西方认为上合组织是东方北方的联盟", "北约")).isFalse();
  }

  @Test
  void an_abbreviation_names_the_longer_name_it_shortens() {
    assertThat(Grounding.abbreviates("联大", "2010年联合国大会通过决议")).isTrue();
    assertThat(Grounding.abbreviates("联大", "联合国秘书长发表讲话")).isFalse();
  }

  @Test
  void a_typed_sentence_may_leave_out_one_detail_of_three_but_not_the_entity_asked_about() {
    List<String> specific = List.of("观察员", "联合国大会", "取得");
    assertThat(Grounding.holdsEnough("2004年12月2日，上合组织获得联合国大会观察员地位", specific, "上合组织")).isTrue();
    assertThat(Grounding.holdsEnough("现任联合国秘书长古特雷斯在会上讲话", List.of("北约", "现任", "秘书长"), "北约现任秘书长"))
        .isFalse();
    // A numbered document is named by its numbers, whatever the question calls its author.
    assertThat(
            Grounding.holdsEnough(
                "2010年12月13日第65/124号决议建议加强合作", List.of("联大", "65", "124"), "联大第65/124号决议"))
        .isTrue();
  }

  @Test
  void an_ordinal_the_documents_only_name_others_of_is_not_stated() {
    Answer a = ask("上合组织与联合国第三次高级别会议是什么时候举行的？");
    assertThat(a.found()).isFalse();
    assertThat(a.notStated()).isTrue();
    assertThat(a.text()).contains("第三次");
  }

  @Test
  void the_ordinal_the_documents_name_is_answered() {
    Answer a = ask("上合组织与联合国第二次高级别会议是什么时候举行的？");
    assertThat(a.found()).isTrue();
    assertThat(a.text()).contains("2018年11月27日");
  }

  @Test
  void first_time_and_首次_are_the_same_word() {
    assertThat(Grounding.holds("2016年11月22日，双方首次在联合国总部举办高级别会议。", "第一")).isTrue();
    assertThat(Grounding.holds("上海合作组织第一任秘书长张德广。", "首任")).isTrue();
    assertThat(Grounding.holds("上海合作组织秘书长张德广。", "首任")).isFalse();
  }

  @Test
  void the_first_occasion_written_首次_is_the_ordinal_asked() {
    List<Hit> corpus = new java.util.ArrayList<>(CORPUS);
    corpus.addAll(Hits.of("2016年11月22日，上合组织与联合国首次举行高级别会议。"));
    Answer a = ask("上合组织与联合国第一次高级别会议是什么时候举行的？", corpus);
    assertThat(a.found()).isTrue();
    assertThat(a.text()).contains("2016年11月22日");
  }

  @Test
  void a_sentence_about_another_occasion_is_no_answer_even_when_it_has_the_type() {
    // given the third meeting's sentence, which names a city, and the second's, which names none
    List<Hit> corpus =
        Hits.of(
            "2019年11月19日，第三次上合组织与联合国高级别会议在纽约举行，双方表示将加强合作。",
            "2018年11月27日，上合组织与联合国举行了第二次高级别会议，现任联合国秘书长古特雷斯在会上讲话。");
    // when the question asks where the second was held (the organisations joined by 与)
    Answer a = ask("第二次上合组织与联合国高级别会议在哪里开的？", corpus);
    // then the third meeting's city is no answer: the documents do not say where the second was
    assertThat(a.text()).doesNotStartWith("2019年11月19日").contains("没有说明地点");
    assertThat(a.notStated()).isTrue();
  }

  @Test
  void the_asked_ordinal_tells_this_occasion_from_another_of_the_same_thing() {
    var q = new io.github.wenda.bot.question.QuestionAnalyzer().analyze("第二次上合组织与联合国高级别会议在哪里开的？");
    Grounding.AskedOrdinal asked = Grounding.AskedOrdinal.of(q).orElseThrow();

    assertThat(asked.in("2018年11月27日，上合组织与联合国举行了第二次高级别会议")).isEqualTo(1);
    assertThat(asked.in("2019年11月19日，第三次上海合作组织与联合国高级别会议在纽约举行")).isEqualTo(-1);
    // another thing counted the same way is neither
    assertThat(asked.in("2003年上合组织第三次政府首脑会议在北京举行")).isZero();
    assertThat(asked.in("上合组织秘书处设在北京")).isZero();
  }
}
