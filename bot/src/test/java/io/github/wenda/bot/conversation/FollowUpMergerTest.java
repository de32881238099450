package io.github.wenda.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpMergerTest {
  private final FollowUpMerger merger = new FollowUpMerger(new QueryAnalyzer(), 8);
  private final List<Turn> history = List.of(new Turn("上合组织和独联体有什么合作？", "上合组织和独联体有什么合作？", "…"));

  @Test
  void an_elliptical_follow_up_is_searched_with_the_earlier_subject() {
    String searched = merger.rewrite("那它和东盟呢？", history);
    assertThat(searched).contains("组织").contains("东盟");
  }

  @Test
  void a_short_follow_up_gets_the_earlier_terms() {
    assertThat(merger.rewrite("什么时候签的？", history)).contains("独联体");
  }

  @Test
  void a_full_question_stands_on_its_own() {
    assertThat(merger.rewrite("中国加入世界贸易组织的谈判历时多久？", history)).isEqualTo("中国加入世界贸易组织的谈判历时多久？");
  }

  @Test
  void without_history_nothing_changes() {
    assertThat(merger.rewrite("那它呢？", List.of())).isEqualTo("那它呢？");
  }

  @Test
  void memory_is_bounded_and_resettable() {
    Conversation c = new Conversation(2);
    for (int i = 0; i < 5; i++) {
      c.record(new Turn("q" + i, "q" + i, "a"));
    }
    assertThat(c.history()).extracting(Turn::question).containsExactly("q3", "q4");
    c.reset();
    assertThat(c.history()).isEmpty();
  }

  @Test
  void an_elliptical_follow_up_drops_what_the_earlier_question_asked_for() {
    List<Turn> where = List.of(new Turn("上合组织秘书处设在哪个城市？", "上合组织秘书处设在哪个城市？", "…"));
    String searched = merger.rewrite("什么时候启动的？", where);
    assertThat(searched).contains("秘书处").doesNotContain("城市");
  }
}
