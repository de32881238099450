package io.github.wenda.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QueryRewriter} promises, run against each implementation: a question that
 * stands on its own is searched as asked, a follow-up is searched with the earlier question's
 * subject, nothing hostile throws, and a blank question stays blank.
 */
public abstract class QueryRewriterContract {
  protected static final List<Turn> HISTORY =
      List.of(new Turn("上合组织和独联体有什么合作？", "上合组织和独联体有什么合作？", "2005年4月12日，双方签署谅解备忘录[1]。"));

  /** The rewriter under test, built fresh for each test. */
  protected abstract QueryRewriter rewriter();

  /** The next model reply, for rewriters that ask a model; others ignore it. */
  protected abstract void modelWillReply(String reply);

  @Test
  void a_question_that_stands_on_its_own_is_searched_as_asked() {
    QueryRewriter r = rewriter();
    assertThat(r.rewrite("上海合作组织是什么时候成立的？", List.of())).isEqualTo("上海合作组织是什么时候成立的？");
    assertThat(r.rewrite("中国加入世界贸易组织的谈判历时多久？", HISTORY)).isEqualTo("中国加入世界贸易组织的谈判历时多久？");
  }

  @Test
  void a_follow_up_is_searched_with_the_earlier_subject() {
    modelWillReply("上合组织和东盟有什么合作？");
    String searched = rewriter().rewrite("那它和东盟呢？", HISTORY);
    assertThat(searched).contains("东盟").containsAnyOf("上合", "上海合作组织");
    assertThat(searched).doesNotContain("它");
  }

  @Test
  void nothing_hostile_throws_and_every_rewrite_is_text() {
    QueryRewriter r = rewriter();
    List<String> hostile =
        List.of("？", "那呢", "它它它它", "\u0000\uD800", "呢".repeat(2000), "[1]【2】", "那<b>X</b>呢");
    for (String q : hostile) {
      assertThat(r.rewriteWithNotes(q, HISTORY).text()).as(q).isNotNull();
      assertThat(r.rewriteWithNotes(q, List.of()).text()).as(q).isNotNull();
    }
  }

  @Test
  void a_blank_question_stays_blank() {
    assertThat(rewriter().rewrite("   ", HISTORY)).isBlank();
  }
}
