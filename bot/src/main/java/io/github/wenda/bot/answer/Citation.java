package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.chunk.Passage;
import io.github.wenda.retrieval.search.Hit;
import java.util.Objects;

/** A numbered source of an answer: {@code [n]} in the answer text refers to this hit's passage. */
public record Citation(int n, Hit hit) {
  public Citation {
    Objects.requireNonNull(hit, "hit");
    if (n < 1) {
      throw new IllegalArgumentException("citation number must be >= 1, but is: " + n);
    }
  }

  public Passage passage() {
    return hit.passage();
  }
}
