package io.github.wenda.retrieval.reader;

/**
 * One glyph of a PDF line as PDFBox placed it: its text, left edge, baseline (y grows down the
 * page), advance width and font size. Kept so that tables can be rebuilt from positions.
 */
record PdfGlyph(String text, float x, float y, float width, float size) {
  float end() {
    return x + width;
  }

  boolean isBlank() {
    return text.isBlank();
  }
}
