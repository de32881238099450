package io.github.wenda.retrieval.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The spaces a typesetter makes by moving glyphs, between CJK and Latin words, as PDFBox places
 * them.
 */
class PdfWordSpacingTest {
  private static final float EM = 10;

  @Test
  void a_gap_between_chinese_and_latin_glyphs_is_a_space() {
    // "跟 test 命令" set as xeCJK does: no space glyph, a quarter em of gap on each side of "test".
    List<TextPosition> run =
        new Line().cjk("跟").gap(2.5f).latin("test").gap(2.5f).cjk("命令").positions;
    assertThat(PdfReader.withPositionedSpaces("跟test命令", run)).isEqualTo("跟 test 命令");
  }

  @Test
  void glyphs_set_close_together_stay_together() {
    List<TextPosition> run = new Line().cjk("使用").latin("apt").cjk("安装").positions;
    assertThat(PdfReader.withPositionedSpaces("使用apt安装", run)).isEqualTo("使用apt安装");
  }

  @Test
  void chinese_justification_and_full_width_punctuation_get_no_space() {
    List<TextPosition> run =
        new Line().cjk("中").gap(2).cjk("文").gap(2).cjk("（").gap(2).latin("PAM").positions;
    assertThat(PdfReader.withPositionedSpaces("中文（PAM", run)).isEqualTo("中文（PAM");
  }

  @Test
  void text_that_does_not_map_one_to_one_onto_the_glyphs_is_left_as_it_came() {
    List<TextPosition> run = new Line().cjk("跟").gap(3).latin("ﬁ").positions;
    assertThat(PdfReader.withPositionedSpaces("跟fi", run)).isEqualTo("跟fi");
  }

  /**
   * Glyphs laid left to right on one baseline, each CJK glyph one em wide, each Latin glyph half.
   */
  private static final class Line {
    final List<TextPosition> positions = new ArrayList<>();
    float x = 72;

    Line cjk(String s) {
      return glyphs(s, EM);
    }

    Line latin(String s) {
      return glyphs(s, EM / 2);
    }

    Line gap(float points) {
      x += points;
      return this;
    }

    private Line glyphs(String s, float width) {
      s.codePoints()
          .forEach(
              cp -> {
                Matrix m = new Matrix(EM, 0, 0, EM, x, 700);
                positions.add(
                    new TextPosition(
                        0,
                        612,
                        792,
                        m,
                        x + width,
                        700,
                        EM,
                        width,
                        EM / 4,
                        new String(Character.toChars(cp)),
                        new int[] {cp},
                        null,
                        1,
                        (int) EM));
                x += width;
              });
      return this;
    }
  }
}
