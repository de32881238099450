package io.github.wenda.retrieval;

import java.util.Locale;

/**
 * Which {@link io.github.wenda.retrieval.backend.SearchBackend} stores the passages: {@code
 * retrieval.backend}.
 */
public enum Backend {
  LUCENE,
  SOLR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code lucene} or {@code solr}; the message lists the allowed values. */
  public static Backend parse(String value) {
    for (Backend b : values()) {
      if (b.label().equalsIgnoreCase(value.strip())) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "retrieval.backend must be one of [lucene, solr], but is: " + value);
  }
}
