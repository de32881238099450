package io.github.wenda.bot.config;

import java.util.Collection;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for "did you mean ...?" hints. */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code given} by edit distance, if close enough to be a plausible
   * typo; otherwise, for dotted keys, the only candidate whose last part equals {@code given}
   * (catches {@code k: 5} written outside its {@code search:} section).
   */
  static Optional<String> closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(given, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    // Allow a couple of edits for short names and roughly one in five for long ones.
    if (best != null
        && bestDistance <= Math.max(2, best.length() / 5)
        && bestDistance < given.length()) {
      return Optional.of(best);
    }
    String suffix = "." + given;
    var endingWith = candidates.stream().filter(c -> c.endsWith(suffix)).toList();
    return endingWith.size() == 1 ? Optional.of(endingWith.get(0)) : Optional.empty();
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
