package io.github.wenda.retrieval.api;

import java.util.Objects;

/** A question to search for: its text, how many passages to return, and with which lists. */
public record Query(String text, int k, SearchMode mode) {
  /**
   * The most passages one search returns. Answers read at most 20 passages and people at most a
   * screenful, while each hit costs a stored-field read (and a Solr round trip's payload); the
   * {@code search.k} setting and {@code --k} take their upper bound from here.
   */
  public static final int MAX_K = 100;

  public Query {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", but is: " + k);
    }
  }
}
