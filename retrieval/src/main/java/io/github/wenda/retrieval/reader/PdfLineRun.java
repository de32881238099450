package io.github.wenda.retrieval.reader;

/**
 * One text line of a PDF page as PDFBox laid it out: its text, whether PDFBox saw a paragraph
 * start before it (from indentation and line spacing), the share of its glyphs in a monospaced
 * font (code), and its mean font size.
 */
record PdfLineRun(String text, boolean paragraphStart, double monoShare, double fontSize) {
  boolean isMono() {
    return monoShare >= 0.8 && !text.isBlank();
  }
}
