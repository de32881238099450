package io.github.wenda.retrieval.api;

import java.util.Locale;

/** Which ranked lists a search uses. */
public enum SearchMode {
  HYBRID,
  BM25,
  VECTOR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label such as {@code hybrid}; the message lists the allowed values. */
  public static SearchMode parse(String value) {
    for (SearchMode m : values()) {
      if (m.label().equalsIgnoreCase(value.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "search mode must be one of [hybrid, bm25, vector], but is: " + value);
  }
}
