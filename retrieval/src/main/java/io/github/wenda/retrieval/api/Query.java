package io.github.wenda.retrieval.api;

import java.util.Objects;

/** A question to search for: its text, how many passages to return, and with which lists. */
public record Query(String text, int k, SearchMode mode) {
  public Query {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
    if (k < 1 || k > 1000) {
      throw new IllegalArgumentException("k must be between 1 and 1000, but is: " + k);
    }
  }
}
