package io.github.wenda.retrieval.api;

import java.util.Objects;

/**
 * How questions are searched. {@code candidates} passages are taken from each list before fusion;
 * {@code bm25Weight} is BM25's share in either fusion method (the vector list gets the rest);
 * {@code bigramWeight} is the boost of character-bigram matches relative to smartcn word matches.
 */
public record SearchSettings(
    SearchMode mode,
    int k,
    int candidates,
    FusionMethod fusion,
    int rrfK,
    double bm25Weight,
    boolean bigrams,
    double bigramWeight,
    boolean queryPrefix) {
  /** BAAI's retrieval instruction for bge-*-zh queries (optional for v1.5; eval decides). */
  public static final String QUERY_PREFIX = "为这个句子生成表示以用于检索相关文章：";

  public SearchSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(fusion, "fusion");
    check("search.k", k, 1, 100);
    check("search.candidates", candidates, 1, 1000);
    check("search.rrf-k", rrfK, 1, 1000);
    if (!(bm25Weight >= 0 && bm25Weight <= 1)) {
      throw new IllegalArgumentException("search.bm25-weight must be between 0.0 and 1.0, but is: " + bm25Weight);
    }
    if (!(bigramWeight >= 0 && bigramWeight <= 5)) {
      throw new IllegalArgumentException("search.bigram-weight must be between 0.0 and 5.0, but is: " + bigramWeight);
    }
  }

  /** The defaults, as tuned on the bundled question set (see README). */
  public static SearchSettings defaults() {
    return new SearchSettings(SearchMode.HYBRID, 5, 50, FusionMethod.WEIGHTED, 60, 0.8, true, 1.0, false);
  }

  /** The text to embed for a normalised question: with the query prefix if configured. */
  public String questionForEmbedding(String normalized) {
    return queryPrefix ? QUERY_PREFIX + normalized : normalized;
  }

  public SearchSettings withMode(SearchMode m) {
    return new SearchSettings(m, k, candidates, fusion, rrfK, bm25Weight, bigrams, bigramWeight, queryPrefix);
  }

  public SearchSettings withK(int newK) {
    return new SearchSettings(mode, newK, Math.max(candidates, newK), fusion, rrfK, bm25Weight, bigrams, bigramWeight, queryPrefix);
  }

  private static void check(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", but is: " + value);
    }
  }
}
