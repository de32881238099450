package io.github.wenda.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each follow-up pattern of the offline resolver, and the questions it must leave alone. */
class FollowUpResolverTest {
  // The corpus knows these words; 天气 is not among them.
  private static final Set<String> KNOWN = Set.of("联合国", "东盟", "上合", "组织", "今天", "成立", "什么", "时候");
  private final FollowUpMerger resolver =
      new FollowUpMerger(new QueryAnalyzer(), 8, w -> KNOWN.contains(w) || !w.contains("天气"));

  private FollowUpResolver.Resolution after(String previous, String question) {
    return resolver.resolve(question, List.of(new Turn(previous, previous, "…")));
  }

  @Test
  void and_x_replaces_the_contrasted_entity_and_keeps_the_predicate() {
    assertThat(after("上合组织与东盟的合作", "那和联合国呢").resolved()).isEqualTo("上合组织与联合国的合作");
  }

  @Test
  void the_readme_example_resolves_it_and_the_new_entity() {
    FollowUpResolver.Resolution r = after("上合组织和独联体签过什么文件？", "那它和东盟呢？");
    assertThat(r.resolved()).isEqualTo("上合组织和东盟签过什么文件？");
    assertThat(r.rule()).startsWith("contrast");
  }

  @Test
  void x_ne_replaces_the_span_most_like_it() {
    assertThat(after("上合组织农业合作示范区在哪里？", "那地方合作示范区呢？").resolved()).isEqualTo("上合组织地方合作示范区在哪里？");
    assertThat(after("第三次上合组织与联合国高级别会议在哪里开的？", "那第二次呢？").resolved())
        .isEqualTo("第二次上合组织与联合国高级别会议在哪里开的？");
    assertThat(after("上海国际问题研究院出版什么中文期刊？", "那英文的呢？").resolved()).isEqualTo("上海国际问题研究院出版什么英文期刊？");
  }

  @Test
  void x_zenmeyang_counts_when_x_is_known_to_the_corpus() {
    assertThat(after("上合组织与东盟的合作", "联合国怎么样").resolved()).isEqualTo("上合组织与联合国的合作");
  }

  @Test
  void pronouns_resolve_to_the_previous_focus() {
    assertThat(after("上合组织什么时候获得联合国大会观察员地位的？", "那它第一次在联合国开高级别会议是什么时候？").resolved())
        .isEqualTo("上合组织第一次在联合国开高级别会议是什么时候？");
    assertThat(after("韩璐是哪个单位的？", "她这篇文章是什么基金资助的？").resolved()).isEqualTo("韩璐这篇文章是什么基金资助的？");
    assertThat(after("上合组织和独联体签过什么文件？", "该组织的秘书处在哪里？").resolved()).isEqualTo("上合组织的秘书处在哪里？");
  }

  @Test
  void a_short_predicate_only_question_is_searched_with_the_earlier_words() {
    FollowUpResolver.Resolution r = after("上合组织和集体安全条约组织的谅解备忘录是谁签的？", "在哪儿签的？");
    assertThat(r.resolved()).contains("集体", "备忘录").endsWith("在哪儿签的");
    assertThat(r.rule()).startsWith("ellipsis");
  }

  @Test
  void a_question_opening_with_its_predicate_is_a_follow_up() {
    assertThat(after("正确义利观是谁提出的？", "在哪儿第一次提出来的？").resolved()).contains("正确", "提出");
    assertThat(after("2020年吉尔吉斯斯坦为什么政局突变？", "结果谁辞职了？").resolved()).contains("吉尔吉斯斯坦");
  }

  @Test
  void a_question_that_stands_on_its_own_is_not_merged() {
    assertThat(after("上合组织与东盟的合作", "今天天气怎么样").changed()).isFalse();
    assertThat(after("上合组织与东盟的合作", "东盟什么时候成立").changed()).isFalse();
    assertThat(after("上合组织与东盟的合作", "中国加入世界贸易组织的谈判历时多久？").changed()).isFalse();
  }

  @Test
  void without_history_nothing_changes() {
    assertThat(resolver.resolve("那它呢？", List.of()).changed()).isFalse();
  }
}
