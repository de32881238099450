package io.github.wenda.retrieval.api;

import java.util.Locale;

/**
 * How hybrid search merges the BM25 and vector lists. Raw scores are on different scales, so they
 * are never added: {@code RRF} uses ranks, {@code WEIGHTED} min-max-normalised scores with a fixed
 * BM25 share, {@code ADAPTIVE} the same scores with a BM25 share per question, lower when the best
 * BM25 passage holds little of the question's term weight (a paraphrased question).
 */
public enum FusionMethod {
  RRF,
  WEIGHTED,
  ADAPTIVE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FusionMethod parse(String value) {
    for (FusionMethod m : values()) {
      if (m.label().equalsIgnoreCase(value.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "search.fusion must be one of [rrf, weighted, adaptive], but is: " + value);
  }
}
