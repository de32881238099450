package io.github.wenda.retrieval.api;

import java.util.List;

/**
 * How a question was searched: its normalised text, the terms each field was queried with, and the
 * candidates, best first, with the query terms each one's text contains (ranks and scores are in
 * each hit's {@link ScoreDetails}).
 */
public record Explanation(
    String normalized, List<String> words, List<String> bigrams, List<Candidate> candidates) {
  public Explanation {
    words = List.copyOf(words);
    bigrams = List.copyOf(bigrams);
    candidates = List.copyOf(candidates);
  }

  /**
   * One candidate: the hit (ranks and scores in {@link Hit#details()}) and the query terms it
   * contains.
   */
  public record Candidate(Hit hit, List<String> matchedWords, List<String> matchedBigrams) {
    public Candidate {
      matchedWords = List.copyOf(matchedWords);
      matchedBigrams = List.copyOf(matchedBigrams);
    }
  }
}
