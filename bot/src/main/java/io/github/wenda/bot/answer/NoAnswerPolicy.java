package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.api.Hit;
import java.util.List;

/**
 * Decides when the documents do not cover a question. Retrieval always returns something, so the
 * answer must be declined when the evidence is weak: the top passages contain too little of the
 * question's (rare) words and are not semantically close either. The thresholds are calibrated on
 * the bundled question set (README) and configurable.
 */
public record NoAnswerPolicy(double minCoverage, double minSimilarity, int passagesChecked) {
  public NoAnswerPolicy {
    if (minCoverage < 0 || minCoverage > 1) {
      throw new IllegalArgumentException(
          "answer.min-coverage must be between 0.0 and 1.0, but is: " + minCoverage);
    }
    if (minSimilarity < 0 || minSimilarity > 1) {
      throw new IllegalArgumentException(
          "answer.min-similarity must be between 0.0 and 1.0, but is: " + minSimilarity);
    }
    if (passagesChecked < 1) {
      throw new IllegalArgumentException(
          "passages checked must be >= 1, but is: " + passagesChecked);
    }
  }

  public Evidence assess(TermOverlap overlap, List<Hit> hits) {
    double coverage = 0;
    double similarity = 0;
    for (int i = 0; i < Math.min(passagesChecked, hits.size()); i++) {
      Hit h = hits.get(i);
      coverage = Math.max(coverage, overlap.coverage(h.passage().section() + h.passage().text()));
      // A passage BM25 ranked first may be missing from the vector list (score 0): look at all
      // checked.
      similarity = Math.max(similarity, h.details().vectorScore());
    }
    return new Evidence(coverage, similarity);
  }

  /** True when the evidence is too weak to answer. */
  public boolean declines(Evidence e) {
    return e.coverage() < minCoverage && e.similarity() < minSimilarity;
  }
}
