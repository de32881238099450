package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.question.Aliases;
import io.github.wenda.bot.question.QuestionAnalyzer;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveComposerTest {
  private final ExtractiveComposer composer =
      new ExtractiveComposer(
          new QuestionAnalyzer(), w -> 1.0, new ExtractiveComposer.Limits(3, 300, 10));

  private Answer compose(String question, List<Hit> hits) {
    return composer.compose(AnswerRequest.of(question), hits, TokenSink.NONE);
  }

  private static String firstLine(Answer a) {
    int nl = a.text().indexOf('\n');
    return nl < 0 ? a.text() : a.text().substring(0, nl);
  }

  @Test
  void quotes_the_founding_date_first_not_the_sentence_that_shares_every_word() {
    List<Hit> hits =
        Hits.of(
            "2021年是上海合作组织成立20周年，该组织的诞生是具有里程碑意义的重要事件。",
            "上海合作组织成立时就公开发布了成立宣言。",
            "2001年6月15日，上海合作组织在中国上海宣告成立，这是第一个以中国城市命名的区域性国际组织。");
    Answer a = compose("上海合作组织是什么时候成立的？", hits);
    assertThat(a.found()).isTrue();
    assertThat(firstLine(a)).contains("2001年6月15日").endsWith("[1]");
    assertThat(a.span()).isEqualTo("2001年6月15日");
    assertThat(a.citations().get(0).hit()).isSameAs(hits.get(2));
  }

  @Test
  void a_place_question_quotes_the_sentence_that_names_the_place_of_the_focus() {
    List<Hit> hits =
        Hits.of("上海合作组织秘书处的规模、权责和经费十分有限。", "2003年上合组织第二次政府首脑会议在北京举行。2004年1月，常设北京的上合组织秘书处正式启动。");
    Answer a = compose("上合组织秘书处设在哪里？", hits);
    assertThat(firstLine(a)).contains("常设北京的上合组织秘书处");
  }

  @Test
  void a_person_question_quotes_the_sentence_with_a_title_and_a_name() {
    List<Hit> hits =
        Hits.of("秘书长作为上海合作组织对外形象的代表，应被赋予更大权限。", "2007年10月5日，上海合作组织秘书长努尔加利耶夫在杜尚别签署备忘录。");
    assertThat(firstLine(compose("2007年代表上海合作组织签署备忘录的秘书长是谁？", hits))).contains("努尔加利耶夫");
  }

  @Test
  void a_number_question_quotes_the_sentence_with_a_count() {
    List<Hit> hits =
        Hits.of("联合国大会通过了有关联合国与上海合作组织之间合作的决议，意义重大。", "自2009年至今，联合国大会通过了7份有关联合国与上海合作组织之间合作的决议。");
    assertThat(firstLine(compose("联合国大会通过了多少份有关与上海合作组织合作的决议？", hits))).contains("7份");
  }

  @Test
  void a_reason_question_prefers_the_sentence_that_gives_a_cause() {
    List<Hit> hits = Hits.of("上合组织秘书长的影响力有限。", "上合组织秘书长影响力有限，是因为秘书处的规模、权责和经费十分有限。");
    assertThat(firstLine(compose("为什么上合组织秘书长的影响力有限？", hits))).contains("是因为");
  }

  @Test
  void every_quoted_sentence_appears_verbatim_in_its_cited_passage() {
    List<Hit> hits = Hits.of("上海精神的内涵是互信、互利、平等、协商。它体现了新型国际关系的理念。", "上海精神是上合组织的灵魂。上合组织坚持上海精神。");
    Answer a = compose("什么是上海精神？", hits);
    for (String line : a.text().split("\n")) {
      int n = Integer.parseInt(line.substring(line.lastIndexOf('[') + 1, line.length() - 1));
      String quote = line.substring(0, line.lastIndexOf('['));
      String passage = a.citations().get(n - 1).passage().text();
      for (String piece : quote.split("……")) {
        assertThat(passage).contains(piece);
      }
    }
  }

  @Test
  void a_sentence_that_refers_back_brings_the_sentence_with_its_subject() {
    List<Hit> hits = Hits.of("独联体是由前苏联国家组成的组织。它与上合组织于2005年签署了谅解备忘录。");
    Answer a = compose("独联体什么时候签署谅解备忘录", hits);
    assertThat(a.text()).contains("独联体是由前苏联国家组成的组织。它与上合组织于2005年签署了谅解备忘录。[1]");
  }

  @Test
  void questions_in_english_are_answered_by_the_quote_with_a_note() {
    Answer a =
        composer.compose(
            AnswerRequest.of("When was the SCO founded 成立?"),
            Hits.of("上合组织成立于2001年。"),
            TokenSink.NONE);
    assertThat(a.text()).startsWith("上合组织成立于2001年。[1]");
    assertThat(a.notes()).contains(ExtractiveComposer.QUOTED_IN_CHINESE);
  }

  @Test
  void respects_the_sentence_limit_and_streams_the_text_once() {
    List<String> tokens = new ArrayList<>();
    String text = "上合组织合作一。上合组织合作二。上合组织合作三。上合组织合作四。上合组织合作五。";
    Answer a = composer.compose(AnswerRequest.of("上合组织合作"), Hits.of(text), tokens::add);
    assertThat(a.text().chars().filter(c -> c == '。').count()).isLessThanOrEqualTo(3);
    assertThat(tokens).containsExactly(a.text());
  }

  @Test
  void no_hits_is_not_found() {
    assertThat(compose("任何问题", List.of()).found()).isFalse();
  }

  @Test
  void a_bibliography_line_or_url_is_never_the_main_quote() {
    List<Hit> hits =
        Hits.of(
            "①江泽民：《深化团结协作共创美好世纪——在上海合作组织成立大会上的讲话》，载《人民日报》，2001年6月26日。",
            "②《上海合作组织成立宣言》，http://chn.sectsco.org/documents/",
            "上海合作组织成立大会上，各国元首签署了成立宣言。");
    assertThat(firstLine(compose("上海合作组织成立大会上签署了什么？", hits))).startsWith("上海合作组织成立大会上");
  }

  @Test
  void a_source_question_may_quote_the_bibliography() {
    List<Hit> hits =
        Hits.of(
            "①江泽民：《深化团结协作共创美好世纪——在上海合作组织成立大会上的讲话》，载《人民日报》，2001年6月26日。", "上海合作组织成立大会上，江泽民发表了讲话。");
    assertThat(compose("江泽民在上海合作组织成立大会上的讲话出自哪篇文章？", hits).text()).contains("《人民日报》");
  }

  @Test
  void a_list_question_gathers_every_item_numbered_and_cited() {
    List<Hit> hits =
        Hits.of(
            "多边主义成为国际潮流。大国重视多边外交主要有四方面原因：一是综合实力强，战略利益扩展；二是需要获得经营周边的能力；"
                + "三是能够提出新的合作理念；四是寻求国际话语权和规则制定权。这是一个趋势。");
    Answer a = compose("大国重视多边外交主要有哪四方面原因？", hits);
    assertThat(a.text())
        .contains("1. 一是综合实力强", "2. 二是", "3. 三是", "4. 四是寻求国际话语权和规则制定权。[1]")
        .doesNotContain("这是一个趋势");
    assertThat(firstLine(a)).isEqualTo("大国重视多边外交主要有四方面原因：[1]");
  }

  @Test
  void a_list_runs_on_into_the_next_passage_of_the_same_section_until_the_count() {
    List<Hit> hits = Hits.of("上合组织外交在三方面具备开拓性作用。第一，开展预防性外交。第二，开展功能性外交。");
    var next = Hits.of("x", "第三，开展公共外交。第四，这与问题无关。").get(1).passage();
    var first = hits.get(0).passage();
    var continued =
        new io.github.wenda.retrieval.api.Passage(
            first.docId(),
            first.title(),
            first.section(),
            first.kind(),
            first.ordinal() + 1,
            first.end(),
            first.end() + next.text().length(),
            next.text());
    ExtractiveComposer c =
        new ExtractiveComposer(
            new QuestionAnalyzer(),
            w -> 1.0,
            new ExtractiveComposer.Limits(3, 300, 10),
            p -> p == first ? java.util.Optional.of(continued) : java.util.Optional.empty());
    Answer a = c.compose(AnswerRequest.of("上合组织外交在哪三方面具备开拓性作用？"), hits, TokenSink.NONE);
    assertThat(a.text()).contains("1. 第一，开展预防性外交。[1]", "3. 第三，开展公共外交。[2]").doesNotContain("第四");
    assertThat(a.citations()).hasSize(2);
  }

  @Test
  void items_joined_by_semicolons_after_a_colon_are_a_list() {
    List<Hit> hits = Hits.of("政治合作方面，上合组织采取的主要举措有：发表政治声明；相互支持；参与阿富汗和平重建进程。人文合作方面另有安排。");
    Answer a = compose("政治合作方面上合组织采取了哪些主要举措？", hits);
    assertThat(a.text()).contains("1. 发表政治声明；[1]", "2. 相互支持；[1]", "3. 参与阿富汗和平重建进程。[1]");
  }

  @Test
  void an_alias_mined_from_the_documents_matches_the_full_name() {
    Aliases aliases = Aliases.mine(List.of("成立于2001年6月的上海合作组织（简称“上合组织”）意义重大。"));
    ExtractiveComposer c =
        new ExtractiveComposer(
            new QuestionAnalyzer(new QueryAnalyzer(), aliases),
            w -> 1.0,
            new ExtractiveComposer.Limits(3, 300, 10));
    List<Hit> hits = Hits.of("东盟秘书处设在雅加达。", "上海合作组织秘书处设在北京。");
    var q = new QuestionAnalyzer(new QueryAnalyzer(), aliases).analyze("上合组织秘书处设在哪里？");
    Answer a =
        c.compose(
            new AnswerRequest(q.question(), "zh", List.of(), q.question(), q),
            hits,
            TokenSink.NONE);
    assertThat(firstLine(a)).contains("北京");
  }

  @Test
  void a_sentence_that_announces_what_follows_brings_the_next_sentence_into_the_first_line() {
    List<Hit> hits = Hits.of("新型区域合作模式具有鲜明的特色：安全先行和互利协作并重，大小国共同倡导。其他内容。");
    Answer a = compose("新型区域合作模式有什么特色？", hits);
    assertThat(firstLine(a)).contains("具有鲜明的特色：").contains("安全先行和互利协作");
  }

  @Test
  void a_yes_no_question_answered_by_one_item_of_a_list_quotes_that_item_first() {
    List<Hit> hits = Hits.of("人文合作方面，上合组织开展了灵活多样的活动：启动部长级会晤机制，成立上合组织大学；开展青年和智库交流；扩大文化与旅游交流。");
    Answer a = compose("上合组织有自己的大学吗？", hits);
    assertThat(firstLine(a)).contains("成立上合组织大学");
    assertThat(a.text()).contains("1. ").contains("开展青年和智库交流");
  }

  @Test
  void a_title_line_is_not_quoted_before_the_sentence_that_states_something() {
    List<Hit> hits = Hits.of("上海合作组织国际合作的发展历程韩璐\n韩璐是欧亚研究所副所长，长期研究上海合作组织。");
    assertThat(firstLine(compose("韩璐担任什么职务？", hits))).contains("欧亚研究所副所长");
    assertThat(SentenceRanker.heading("上海合作组织国际合作的发展历程韩璐")).isTrue();
    assertThat(SentenceRanker.heading("韩璐是欧亚研究所副所长。")).isFalse();
  }

  @Test
  void
      a_question_asking_two_things_quotes_the_sentence_that_answers_the_second_part_from_another_passage() {
    List<Hit> hits =
        Hits.of("上海合作组织秘书处是常设行政机构，负责组织的日常工作。", "上海合作组织秘书处的工作语言是汉语和俄语。", "首任上海合作组织秘书长由张德广担任。");
    Answer a = compose("上海合作组织秘书处是什么机构？首任秘书长是谁？", hits);
    assertThat(a.text()).contains("张德广").contains("常设行政机构");
  }

  @Test
  void a_question_for_measures_brings_the_sentences_that_add_to_the_best_one() {
    List<Hit> hits =
        Hits.of(
            "为解决铁路建设所需的资金缺口，可考虑发展区域性投资基金。同时，加强与多边开发银行的合作。此外，还可适度引入民间资本参与投资。三是加强人文交流。",
            "铁路建设的意义重大。");
    Answer a = compose("为了弥补铁路建设的资金缺口，报告提出了哪些办法？", hits);
    assertThat(firstLine(a))
        .contains("区域性投资基金")
        .contains("多边开发银行")
        .contains("民间资本")
        .doesNotContain("人文交流");
  }

  @Test
  void a_question_about_what_became_of_something_quotes_the_sentence_that_tells_the_outcome() {
    List<Hit> hits =
        Hits.of("上合组织与中亚合作组织、北方论坛签署了合作文件，北方论坛也建立了合作关系。", "北方论坛成立于1995年，在2010年被北极合作会议取代。");
    assertThat(firstLine(compose("北方论坛后来怎么样了？", hits))).contains("被北极合作会议取代");
  }

  @Test
  void a_definition_question_quotes_the_sentence_that_opens_with_the_term_and_defines_it() {
    List<Hit> hits =
        Hits.of(
            "在解决重大问题时应坚持“轮值主席”制度，在具体问题上可采取其他制度。",
            "成员国之间的协调难度加大，“轮值主席”制度面临挑战。“轮值主席”制度，即成员国按字母顺序每年轮流主持组织的工作。");
    assertThat(firstLine(compose("“轮值主席”制度具体指什么？", hits))).contains("按字母顺序每年轮流");
  }

  @Test
  void a_question_asking_two_things_opens_with_a_sentence_for_each_ask() {
    List<Hit> hits =
        Hits.of(
            "此外，上海合作组织秘书处的规模、权责和经费十分有限。上海合作组织秘书长无论是在国际场合还是在地区事务中影响力有限。",
            "第三，扩大秘书长的权限。秘书长作为上海合作组织对外形象的代表，应被赋予更大权限。",
            "联合国秘书长与上海合作组织秘书长举行定期磋商。");
    Answer a = compose("上合组织秘书长的影响力有限吗？作者有什么建议？", hits);
    assertThat(firstLine(a)).contains("影响力有限").contains("应被赋予更大权限");
    assertThat(firstLine(a)).contains("[1]").contains("[2]");
  }

  @Test
  void a_list_less_on_topic_than_the_best_sentence_is_not_gathered() {
    List<Hit> hits =
        Hits.of(
            "中国领导人提出的以大小国共同倡导、安全先行和互利协作为特征的新型区域合作模式得到了成员国的普遍认可。",
            "上合组织积极探索新型区域合作模式，具有鲜明的特色：一是树立新的合作理念；二是开展全方位的多边合作。");
    Answer a = compose("中国提出的新型区域合作模式有哪些特征？", hits);
    assertThat(firstLine(a)).contains("安全先行和互利协作");
  }

  @Test
  void a_number_question_takes_a_number_counted_in_the_measure_word_it_asks_for() {
    List<Hit> hits = Hits.of("《上海合作组织宪章》指出，上海合作组织的一个重要合作方向是寻求共识。", "《上海合作组织宪章》共有26条。");
    assertThat(firstLine(compose("《上海合作组织宪章》一共有多少条？", hits))).contains("26条");
  }

  @Test
  void a_person_named_before_the_title_answers_who() {
    List<Hit> hits =
        Hits.of(
            "从成立伊始的新安全观，到2018年青岛峰会提出“新五观”，中国倡议发挥了特殊作用。",
            "“新五观”是习近平主席在2018年上海合作组织青岛峰会上提出的，即创新、协调、绿色、开放、共享的发展观。");
    assertThat(firstLine(compose("“新五观”是谁提出的？", hits))).contains("习近平主席");
  }

  @Test
  void how_often_is_answered_by_a_frequency() {
    List<Hit> hits =
        Hits.of("上合组织电影周的影片来自各成员国。", "建议考虑在上海国际电影节设立“上合组织电影周”，每年举办，将更多成员国优秀影片推荐给国际影迷。");
    assertThat(firstLine(compose("上合组织电影周多久办一次？", hits))).contains("每年举办");
  }

  @Test
  void where_is_answered_by_the_place_someone_visited() {
    List<Hit> hits = Hits.of("正确义利观是中国外交的重要理念。", "2013年3月，习近平访问非洲期间首次提出正确义利观。");
    assertThat(firstLine(compose("正确义利观是在哪儿提出的？", hits))).contains("访问非洲期间");
  }
}
