package io.github.wenda.retrieval.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.SegmentKind;
import org.junit.jupiter.api.Test;

class MatchTextTest {
  private static Passage passage(String section, String context, String text) {
    return new Passage(
        "ref", "ref", section, SegmentKind.TABLE, 0, 0, text.length(), text, 12, context);
  }

  @Test
  void bm25_sees_the_whole_section_path_and_the_model_only_the_innermost_heading() {
    Passage p =
        passage(
            "第 2 章 Debian 软件包管理 / 2.1. Debian 软件包管理的前提 / 2.1.4. Debian 档案库基础",
            "区域 | 软件包数量 | 软件包组件标准",
            "contrib | 32 | 遵从 DFSG，但依赖于 non-free");

    String context = MatchText.of(p.context()) + "\n" + MatchText.of(p.text());
    assertThat(MatchText.indexed(p)).isEqualTo(MatchText.of(p.section()) + "\n" + context);
    assertThat(MatchText.embedded(p))
        .isEqualTo(MatchText.of("2.1.4. Debian 档案库基础") + "\n" + context)
        .doesNotContain("软件包管理的前提");
    assertThat(context).contains("遵从 DFSG,但依赖于 non-free");
  }

  @Test
  void a_passage_without_heading_or_context_is_matched_by_its_text_alone() {
    Passage p = passage("", "", "上合組織成立於2001年。");
    assertThat(MatchText.embedded(p)).isEqualTo("上合组织成立于2001年。");
    assertThat(MatchText.indexed(p)).isEqualTo(MatchText.embedded(p));
    assertThat(passage("概述", "", "x").heading()).isEqualTo("概述");
  }
}
