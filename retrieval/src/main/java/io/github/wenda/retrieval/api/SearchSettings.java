package io.github.wenda.retrieval.api;

import java.util.Objects;

/**
 * How questions are searched. {@code candidates} passages are taken from each list before fusion;
 * {@code bm25Weight} is BM25's share in fusion (the vector list gets the rest); {@code adaptive}
 * fusion lowers it towards {@code minBm25Weight} as the share of the question's term weight held by
 * the best BM25 passage falls from {@code coverageLow + coverageRamp} to {@code coverageLow};
 * {@code bigramWeight} is the boost of character-bigram matches relative to smartcn word matches;
 * hybrid search adds {@code sentenceWeight} times the best sentence's share of the question's term
 * weight to the relative fused score of its first {@code sentenceDepth} candidates.
 *
 * <p>Defaults, ranges and documentation of these values are the settings schema's ({@code search.*}
 * keys, bound by the bot's settings binder); this record checks only what any search needs.
 */
public record SearchSettings(
    SearchMode mode,
    int k,
    int candidates,
    FusionMethod fusion,
    int rrfK,
    double bm25Weight,
    double minBm25Weight,
    double coverageLow,
    double coverageRamp,
    boolean bigrams,
    double bigramWeight,
    double sentenceWeight,
    int sentenceDepth,
    boolean queryPrefix) {
  /** BAAI's retrieval instruction for bge-*-zh queries (optional for v1.5; eval decides). */
  public static final String QUERY_PREFIX = "为这个句子生成表示以用于检索相关文章：";

  public SearchSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(fusion, "fusion");
    if (k < 1 || k > Query.MAX_K) {
      throw new IllegalArgumentException(
          "k must be between 1 and " + Query.MAX_K + ", but is: " + k);
    }
    if (candidates < 1 || rrfK < 1) {
      throw new IllegalArgumentException(
          "candidates and rrfK must be at least 1, but are: " + candidates + ", " + rrfK);
    }
    // A share: fusion gives the vector list 1 - bm25Weight.
    if (!(bm25Weight >= 0 && bm25Weight <= 1)) {
      throw new IllegalArgumentException(
          "bm25Weight must be between 0.0 and 1.0, but is: " + bm25Weight);
    }
    if (!(minBm25Weight >= 0 && minBm25Weight <= 1)) {
      throw new IllegalArgumentException(
          "minBm25Weight must be between 0.0 and 1.0, but is: " + minBm25Weight);
    }
    if (!(coverageLow >= 0 && coverageLow <= 1)) {
      throw new IllegalArgumentException(
          "coverageLow must be between 0.0 and 1.0, but is: " + coverageLow);
    }
    // A ramp of some width: a step would make a question near coverageLow jump between rankings.
    if (!(coverageRamp > 0 && coverageRamp <= 1)) {
      throw new IllegalArgumentException(
          "coverageRamp must be above 0.0 and at most 1.0, but is: " + coverageRamp);
    }
    if (!(sentenceWeight >= 0 && Double.isFinite(sentenceWeight)) || sentenceDepth < 0) {
      throw new IllegalArgumentException(
          "sentenceWeight must be finite and >= 0 and sentenceDepth >= 0, but are: "
              + sentenceWeight
              + ", "
              + sentenceDepth);
    }
    if (!(bigramWeight >= 0 && Double.isFinite(bigramWeight))) {
      throw new IllegalArgumentException(
          "bigramWeight must be finite and >= 0, but is: " + bigramWeight);
    }
  }

  /** The text to embed for a normalised question: with the query prefix if configured. */
  public String questionForEmbedding(String normalized) {
    return queryPrefix ? QUERY_PREFIX + normalized : normalized;
  }
}
