package io.github.wenda.retrieval.api;

/**
 * Why a passage ranked where it did: its rank (1-based, 0 when absent) and raw score in each list,
 * the fused score of the two lists ({@code fused}), the share of the question's term weight its
 * best sentence holds ({@code sentence}: 0 where hybrid search did not read it, in single-list
 * modes and below {@code search.sentence-depth}), and the score it was sorted by ({@code score}: in
 * hybrid search the fused score relative to the best one plus the sentence evidence; else the fused
 * score).
 */
public record ScoreDetails(
    int bm25Rank,
    float bm25Score,
    int vectorRank,
    float vectorScore,
    double fused,
    double sentence,
    double score) {
  /** Details without sentence evidence: sorted by the fused score. */
  public ScoreDetails(
      int bm25Rank, float bm25Score, int vectorRank, float vectorScore, double fused) {
    this(bm25Rank, bm25Score, vectorRank, vectorScore, fused, 0, fused);
  }
}
