package io.github.wenda.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrapTest {
  @Test
  void wraps_by_display_width_with_a_hanging_indent() {
    String line = "上海合作组织是在冷战后新的国际环境中诞生和发展起来的多边合作机制";
    String wrapped = Wrap.wrap(line, 20, "  ");
    for (String l : wrapped.split("\n")) {
      assertThat(Wrap.width(l)).isLessThanOrEqualTo(20);
    }
    assertThat(wrapped.split("\n")[1]).startsWith("  ");
    assertThat(wrapped.replace("\n  ", "")).isEqualTo(line);
  }

  @Test
  void never_splits_a_citation_marker_or_starts_a_line_with_closing_punctuation() {
    String line = "一二三四五六七八九。[12]十一二三四五六七八九十，”一二三四五六七八九十一二三";
    for (int width = 20; width <= 30; width++) {
      for (String l : Wrap.wrap(line, width, "  ").split("\n")) {
        String body = l.strip();
        assertThat(body)
            .doesNotStartWith("。")
            .doesNotStartWith("，")
            .doesNotStartWith("”")
            .doesNotStartWith("12]")
            .doesNotStartWith("2]");
        assertThat(l).doesNotEndWith("[").doesNotEndWith("[1");
      }
    }
  }

  @Test
  void a_narrow_or_unknown_width_leaves_the_text_alone() {
    assertThat(Wrap.wrap("上合组织成立于2001年。[1]", 0, "  ")).isEqualTo("上合组织成立于2001年。[1]");
  }

  @Test
  void counts_cjk_as_two_columns_and_escapes_as_none() {
    assertThat(Wrap.width("上合ab")).isEqualTo(6);
    assertThat(Wrap.width("\u001b[1;33m上\u001b[0m")).isEqualTo(2);
  }
}
