package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import java.util.List;
import java.util.Objects;

/**
 * A numbered source of an answer: {@code [n]} in the answer text refers to this hit's passage;
 * {@code matchedTerms} are the question's words found in it, for marking in the excerpt.
 */
public record Citation(int n, Hit hit, List<String> matchedTerms) {
  public Citation(int n, Hit hit) {
    this(n, hit, List.of());
  }

  public Citation {
    Objects.requireNonNull(hit, "hit");
    matchedTerms = List.copyOf(matchedTerms);
    if (n < 1) {
      throw new IllegalArgumentException("citation number must be >= 1, but is: " + n);
    }
  }

  public Passage passage() {
    return hit.passage();
  }
}
