package io.github.wenda.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ExcerptTest {
  @Test
  void marks_terms_longest_first_without_overlap() {
    String marked =
        Excerpt.mark("上海合作组织在上海成立", List.of("上海", "上海合作组织"), UnaryOperator.identity(), "<", ">");
    assertThat(marked).isEqualTo("<上海合作组织>在<上海>成立");
  }

  @Test
  void escapes_text_inside_and_outside_marks() {
    String marked =
        Excerpt.mark(
            "a<b>&上海",
            List.of("上海"),
            s -> s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
            "<b>",
            "</b>");
    assertThat(marked).isEqualTo("a&lt;b&gt;&amp;<b>上海</b>");
  }

  @Test
  void windows_long_text_around_the_first_match() {
    String text = "甲".repeat(300) + "目标词" + "乙".repeat(300);
    String w = Excerpt.window(text, List.of("目标词"), 100);
    assertThat(w).contains("目标词").startsWith("…").endsWith("…");
    assertThat(w.length()).isLessThanOrEqualTo(102);
  }

  @Test
  void short_text_is_kept_whole_and_flattened() {
    assertThat(Excerpt.window("一行\n两行", List.of(), 100)).isEqualTo("一行 两行");
  }
}
