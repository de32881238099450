package io.github.wenda.retrieval.reader;

/**
 * One text line of a PDF page as PDFBox laid it out: its text, whether PDFBox saw a paragraph
 * start before it (from indentation and line spacing), the share of its non-CJK glyphs in a
 * monospaced font, how many glyphs are CJK and how many are not, and its mean font size.
 */
record PdfLineRun(String text, boolean paragraphStart, double monoShare, int cjkGlyphs, int otherGlyphs, double fontSize) {
  /**
   * A code line: its Latin glyphs are monospaced, and it is not Chinese prose with a few inline
   * literals in a monospaced font ("你可以通过 Ctrl-Alt-F3 键…"), unless it starts like a comment or
   * prompt ("# 更新软件包列表").
   */
  boolean isMono() {
    if (monoShare < 0.8 || text.isBlank()) {
      return false;
    }
    String t = text.strip();
    return cjkGlyphs <= otherGlyphs || t.startsWith("#") || t.startsWith("$") || t.startsWith("//") || t.startsWith("--");
  }
}
