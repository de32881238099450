package io.github.wenda.retrieval.text;

/**
 * The inline normalisation every passage and query goes through (NFKC, unified punctuation and
 * spaces), for code outside retrieval that must compare text the way the index does. Matching only:
 * quotes shown to users keep the document's own characters.
 */
public final class TextNormalizer {
  /**
   * Normalises inline text (a line, a paragraph, a query) to the form used everywhere in the index.
   *
   * @param text any string, possibly null, empty, huge or malformed
   * @return the normalised text, never null; "" for null
   */
  public String normalize(String text) {
    return InlineNormalizer.normalize(text);
  }
}
