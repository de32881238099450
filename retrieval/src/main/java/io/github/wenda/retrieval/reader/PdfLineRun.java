package io.github.wenda.retrieval.reader;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One text line of a PDF page as PDFBox laid it out: its text, whether PDFBox saw a paragraph start
 * before it (from indentation and line spacing), the share of its non-CJK glyphs in a monospaced
 * font, how many glyphs are CJK and how many are not, its mean font size, whether the text before
 * its first wide gap (a table's first cell) is proportional prose, where it starts (x), and its
 * glyphs with their positions.
 */
record PdfLineRun(
    String text,
    boolean paragraphStart,
    double monoShare,
    int cjkGlyphs,
    int otherGlyphs,
    double fontSize,
    boolean proseFirstCell,
    float x,
    List<PdfGlyph> glyphs) {
  /** A typographic list bullet and the space after it. */
  private static final Pattern LIST_BULLET = Pattern.compile("[•●◦▪■◆‣–][\\s\\u3000]");

  PdfLineRun {
    glyphs = List.copyOf(glyphs);
  }

  PdfLineRun(
      String text,
      boolean paragraphStart,
      double monoShare,
      int cjkGlyphs,
      int otherGlyphs,
      double fontSize) {
    this(text, paragraphStart, monoShare, cjkGlyphs, otherGlyphs, fontSize, false, 0);
  }

  PdfLineRun(
      String text,
      boolean paragraphStart,
      double monoShare,
      int cjkGlyphs,
      int otherGlyphs,
      double fontSize,
      boolean proseFirstCell,
      float x) {
    this(
        text,
        paragraphStart,
        monoShare,
        cjkGlyphs,
        otherGlyphs,
        fontSize,
        proseFirstCell,
        x,
        List.of());
  }

  /** Whether this line starts in the same column as {@code other} (within half an em). */
  boolean startsBelow(PdfLineRun other) {
    return Math.abs(x - other.x) <= 0.5 * Math.max(1, fontSize);
  }

  /**
   * A code line: its Latin glyphs are monospaced, and it is not Chinese prose with a few inline
   * literals in a monospaced font ("你可以通过 Ctrl-Alt-F3 键…") nor a list item after a typographic
   * bullet, unless it starts like a comment or prompt ("# 更新软件包列表"). Chinese sentence punctuation
   * marks prose with inline literals too, and a table row whose first cell is set in a proportional
   * font ("查看…日志 | journalctl -b --user") is a row with a command cell, not code.
   */
  boolean isMono() {
    if (monoShare < 0.8 || text.isBlank()) {
      return false;
    }
    String t = text.strip();
    if (LIST_BULLET.matcher(t).lookingAt()) {
      // A list item whose text is mostly a literal ("• "/etc/nsswitch.conf"文件应当有像"hosts: …"")
      // is still a list item: code listings do not start with a typographic bullet.
      return false;
    }
    boolean comment =
        t.startsWith("#") || t.startsWith("$") || t.startsWith("//") || t.startsWith("--");
    if (!comment && proseFirstCell && text.indexOf('\t') > 0) {
      return false;
    }
    if (!comment
        && cjkGlyphs > 0
        && (t.indexOf('，') >= 0 || t.indexOf('。') >= 0 || t.indexOf('、') >= 0)) {
      return false;
    }
    return cjkGlyphs <= otherGlyphs
        || t.startsWith("#")
        || t.startsWith("$")
        || t.startsWith("//")
        || t.startsWith("--");
  }
}
