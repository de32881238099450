package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.text.InlineNormalizer;

/**
 * One non-blank line of a PDF extraction.
 *
 * @param index position among the document's raw lines
 * @param raw the line without its line break and trailing spaces
 * @param lead the line starts with an ASCII space: the extractor starts each new text block so
 * @param indent the line starts with an ideographic-space indent: a paragraph start
 * @param normalized {@link InlineNormalizer#normalize} of the line
 * @param em visual width in ems (Han and CJK punctuation 1, other characters 1/2, spaces 0)
 * @param blankBefore a blank line precedes it in the raw text
 */
record PdfLine(
    int index,
    String raw,
    boolean lead,
    boolean indent,
    String normalized,
    double em,
    boolean blankBefore) {

  static PdfLine of(int index, String raw, boolean blankBefore) {
    String r = raw.stripTrailing();
    boolean lead = r.startsWith(" ");
    String leading = r.substring(0, r.length() - r.stripLeading().length());
    boolean indent = leading.indexOf('\u3000') >= 0;
    return new PdfLine(
        index, r, lead, indent, InlineNormalizer.normalize(r), emWidth(r), blankBefore);
  }

  /** The raw line without surrounding ASCII and ideographic spaces. */
  String text() {
    return raw.strip();
  }

  static double emWidth(String s) {
    double w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ' ' || cp == '\t') {
        continue;
      }
      if (cp == '\u3000'
          || InlineNormalizer.isHan(cp)
          || (cp >= 0xA000 && cp <= 0xA48F)
          || (cp >= 0x3000 && cp <= 0x303F)
          || (cp >= 0xFF01 && cp <= 0xFF0F && cp != 0xFF0E)
          || cp == '“'
          || cp == '”'
          || cp == '—'
          || InlineNormalizer.isCircledDigit(cp)) {
        w += 1;
      } else {
        w += 0.5;
      }
    }
    return w;
  }
}
