package io.github.wenda.bot.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionPartsTest {
  private final QuestionAnalyzer analyzer = new QuestionAnalyzer();

  @Test
  void two_questions_in_one_line_are_two_asks() {
    assertThat(QuestionParts.split("《临时方案》是一份什么性质的文件？当时谁负责组织的对外交往？"))
        .containsExactly("《临时方案》是一份什么性质的文件", "当时谁负责组织的对外交往");
  }

  @Test
  void two_asking_clauses_joined_by_a_pause_mark_are_two_asks() {
    assertThat(QuestionParts.split("那本书是谁写的、哪家出版社出的？")).containsExactly("那本书是谁写的", "哪家出版社出的");
  }

  @Test
  void a_clause_that_asks_nothing_stays_with_its_question() {
    assertThat(QuestionParts.split("中国给上合其他国家借了多少钱来着，金融危机那会儿？")).hasSize(1);
    assertThat(QuestionParts.split("上海合作组织是什么时候成立的？")).containsExactly("上海合作组织是什么时候成立的？");
  }

  @Test
  void an_ask_that_names_nothing_of_its_own_is_read_about_the_first_asks_entity() {
    List<QuestionAnalysis> parts =
        QuestionParts.analyze(analyzer, analyzer.analyze("上合组织秘书长的权力太小了吗？作者有什么建议？"));
    assertThat(parts).hasSize(2);
    assertThat(parts.get(1).normalized()).contains("秘书长").contains("建议");
  }

  @Test
  void each_ask_keeps_a_source_question_a_source_question() {
    List<QuestionAnalysis> parts =
        QuestionParts.analyze(analyzer, analyzer.analyze("江泽民的讲话题目是什么？刊登在哪天的《人民日报》上？"));
    assertThat(parts).hasSize(2).allMatch(QuestionAnalysis::asksForSource);
  }
}
