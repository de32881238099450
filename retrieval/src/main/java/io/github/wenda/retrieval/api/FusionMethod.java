package io.github.wenda.retrieval.api;

import java.util.Locale;

/**
 * How hybrid search merges the BM25 and vector lists. Raw scores are on different scales, so they
 * are never added: {@code RRF} uses ranks, {@code WEIGHTED} min-max-normalised scores.
 */
public enum FusionMethod {
  RRF,
  WEIGHTED;

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
        "search.fusion must be one of [rrf, weighted], but is: " + value);
  }
}
