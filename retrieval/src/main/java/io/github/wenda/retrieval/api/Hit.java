package io.github.wenda.retrieval.api;

import java.util.List;
import java.util.Objects;

/**
 * A passage found for a query, with its 1-based rank and score details. {@code also} holds the
 * passages of other documents that say the same thing (near-duplicates folded into this hit, see
 * {@code backend.NearDuplicates}), so a manual dropped in as HTML and as PDF is one hit naming
 * both.
 */
public record Hit(int rank, Passage passage, ScoreDetails details, List<Passage> also) {
  public Hit {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(details, "details");
    also = List.copyOf(also);
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, but is: " + rank);
    }
  }

  /** A hit no other document repeats. */
  public Hit(int rank, Passage passage, ScoreDetails details) {
    this(rank, passage, details, List.of());
  }

  /** The score hits are sorted by ({@link ScoreDetails#score}). */
  public double score() {
    return details.score();
  }
}
