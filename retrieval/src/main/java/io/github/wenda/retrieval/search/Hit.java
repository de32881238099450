package io.github.wenda.retrieval.search;

import io.github.wenda.retrieval.chunk.Passage;
import java.util.Objects;

/** A passage found for a query, with its 1-based rank and score details. */
public record Hit(int rank, Passage passage, ScoreDetails details) {
  public Hit {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(details, "details");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, but is: " + rank);
    }
  }

  public double score() {
    return details.fused();
  }
}
