package io.github.wenda.retrieval.api;

import java.util.List;

/**
 * How a question was searched: its normalised text, the terms each field was queried with, the
 * share of the query's term weight the best BM25 passage holds ({@code termCoverage}, 0..1) and the
 * BM25 share hybrid fusion used for this question ({@code bm25Weight}: the configured one, or for
 * adaptive fusion the one the coverage gave), and the candidates, best first, with the query terms
 * each one's text contains (ranks and scores are in each hit's {@link ScoreDetails}).
 */
public record Explanation(
    String normalized,
    List<String> words,
    List<String> bigrams,
    double termCoverage,
    double bm25Weight,
    List<Candidate> candidates) {
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
