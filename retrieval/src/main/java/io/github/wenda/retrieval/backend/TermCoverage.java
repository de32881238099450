package io.github.wenda.retrieval.backend;

import java.util.List;

/**
 * How much of a question's BM25 term weight one passage holds: the sum of the weights (boost times
 * idf) of the query terms the passage contains, over the sum of all the query terms' weights.
 *
 * <p>BM25 scores a term at most about its weight (Lucene's term score saturates at {@code boost *
 * idf} as the term frequency grows), so this share is what the passage could score at best,
 * relative to a passage holding every question word. A question asked in the documents' own words
 * finds a passage holding most of its rare words; a paraphrase finds its common words and few of
 * the rest, and then BM25's order among its candidates says little. Measured on 2026-12-02: where
 * BM25 ranked a right passage first or second, its best passage held on average half the weight
 * (bundled 0.56, Debian HTML 0.50, PDF 0.46); where it ranked them below third and the vector list
 * did better, a fifth (Debian HTML 0.21, PDF 0.18). Both backends compute it with the same formula
 * from the index's document frequencies, so adaptive fusion behaves the same on each.
 */
public final class TermCoverage {
  private TermCoverage() {}

  /** One query term: its weight in the query and whether the passage contains it. */
  public record Term(double weight, boolean found) {
    public Term {
      if (!(weight >= 0 && Double.isFinite(weight))) {
        throw new IllegalArgumentException(
            "term weight must be finite and >= 0, but is: " + weight);
      }
    }
  }

  /**
   * BM25's inverse document frequency as Lucene computes it, {@code ln(1 + (n - df + 0.5) / (df +
   * 0.5))}: high for rare words, never negative.
   */
  public static double idf(long docFreq, long docCount) {
    if (docFreq < 0 || docCount < 0) {
      throw new IllegalArgumentException(
          "document counts must be >= 0, but are: docFreq " + docFreq + ", docCount " + docCount);
    }
    long df = Math.min(docFreq, docCount);
    return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
  }

  /** The found terms' share of the total weight, 0..1; 0 for no terms or no weight. */
  public static double share(List<Term> terms) {
    double total = 0;
    double found = 0;
    for (Term t : terms) {
      total += t.weight();
      if (t.found()) {
        found += t.weight();
      }
    }
    return total > 0 ? found / total : 0;
  }
}
