package io.github.wenda.bot.question;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionAnalyzerTest {
  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "上海合作组织是什么时候成立的？, DATE",
    "伊朗是哪一年加入的？, DATE",
    "联合国大会通过了多少份决议？, NUMBER",
    "中国加入世界贸易组织花了多长时间？, NUMBER",
    "北约现任秘书长是谁？, PERSON",
    "上合组织秘书处设在哪里？, PLACE",
    "是在哪次峰会上批准的？, OPEN",
    "韩璐在哪个机构工作？, ORGANISATION",
    "上合组织的观察员国有哪些？, LIST",
    "大国重视多边外交主要有哪四方面原因？, LIST",
    "为什么上合组织秘书长的影响力有限？, REASON",
    "上合组织如何开展人文合作？, METHOD",
    "什么是上海精神？, DEFINITION",
    "上合组织有自己的大学吗？, YES_NO",
    "谈谈上合组织与东盟的合作, OPEN"
  })
  void reads_the_expected_answer_type_from_the_question_words(String question, ExpectedType type) {
    assertThat(analyzer.analyze(question).expected()).isEqualTo(type);
  }

  @Test
  void a_list_question_states_its_count() {
    assertThat(analyzer.analyze("大国重视多边外交主要有哪四方面原因？").listCount()).isEqualTo(4);
    assertThat(analyzer.analyze("上合组织具有哪五个鲜明特色？").listCount()).isEqualTo(5);
    assertThat(analyzer.analyze("上合组织的观察员国有哪些？").listCount()).isZero();
  }

  @Test
  void the_focus_is_the_entity_asked_about_and_the_relation_asked_of_it() {
    Focus f = analyzer.analyze("上合组织与东盟的合作").focus();
    assertThat(f.entities()).containsExactly("上合组织", "东盟");
    assertThat(f.entity()).isEqualTo("上合组织");
    assertThat(f.relation()).contains("合作");
  }

  @Test
  void frame_words_are_searched_but_not_required_of_an_answer() {
    QuestionAnalysis q = analyzer.analyze("这篇文章的作者认为上合组织秘书处设在哪里？");
    assertThat(q.contentWords()).contains("文章", "作者");
    assertThat(q.keyWords()).doesNotContain("文章", "作者").contains("秘书处");
  }

  @Test
  void a_source_question_is_recognised() {
    assertThat(analyzer.analyze("这句话出自哪篇文章？").asksForSource()).isTrue();
    assertThat(analyzer.analyze("秘书处设在哪里？").asksForSource()).isFalse();
  }

  @Test
  void aliases_mined_from_the_documents_join_the_question() {
    Aliases aliases = Aliases.mine(List.of("成立于2001年6月的上海合作组织（简称“上合组织”）具有示范意义。"));
    QuestionAnalysis q = new QuestionAnalyzer(new QueryAnalyzer(), aliases).analyze("上合组织秘书处设在哪里？");
    assertThat(q.aliasWords()).containsExactly("上海合作组织");
    assertThat(q.searchText()).contains("上海合作组织");
  }

  @Test
  void the_noun_a_question_word_asks_for_is_not_required_of_the_answer() {
    QuestionAnalysis q = analyzer.analyze("“新五观”是谁在什么场合提出的？");
    assertThat(q.contentWords()).contains("场合");
    assertThat(q.keyWords()).doesNotContain("场合");
  }

  @Test
  void an_asked_noun_stays_required_when_it_is_the_only_word() {
    assertThat(analyzer.analyze("什么场合？").keyWords()).isNotEmpty();
  }

  @Test
  void chinese_numerals_of_two_places_are_read() {
    assertThat(QuestionAnalyzer.numeral("两")).isEqualTo(2);
    assertThat(QuestionAnalyzer.numeral("十")).isEqualTo(10);
    assertThat(QuestionAnalyzer.numeral("十九")).isEqualTo(19);
    assertThat(QuestionAnalyzer.numeral("二十三")).isEqualTo(23);
    assertThat(QuestionAnalyzer.numeral("65")).isEqualTo(65);
    assertThat(QuestionAnalyzer.numeral("百")).isEqualTo(-1);
  }

  @Test
  void editorial_questions_ask_for_a_source_line() {
    assertThat(analyzer.analyze("这篇文章什么时候截稿？责任编辑是谁？").asksForSource()).isTrue();
  }

  @Test
  void directional_complements_and_as_a_result_frame_a_question() {
    assertThat(analyzer.analyze("正确义利观在哪儿第一次提出来的？").keyWords()).doesNotContain("出来");
    assertThat(analyzer.analyze("吉尔吉斯斯坦政局突变，结果谁辞职了？").keyWords())
        .doesNotContain("结果")
        .contains("辞职");
  }

  @Test
  void how_firmly_or_on_what_condition_it_is_asked_frames_a_question() {
    assertThat(analyzer.analyze("怎么查系统到底支持哪些传统字符编码？").keyWords())
        .doesNotContain("到底")
        .contains("传统");
    assertThat(analyzer.analyze("不用 NetworkManager 的话，网卡的配置文件写在哪里？").keyWords())
        .doesNotContain("不用")
        .contains("配置");
    assertThat(analyzer.analyze("能不能把别的格式的软件包转换成 Debian 包？").keyWords())
        .doesNotContain("不能", "能不能")
        .contains("转换");
  }
}
