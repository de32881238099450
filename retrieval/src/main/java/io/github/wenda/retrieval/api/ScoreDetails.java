package io.github.wenda.retrieval.api;

/**
 * Why a passage ranked where it did: its rank (1-based, 0 when absent) and raw score in each list,
 * and the fused score it was sorted by.
 */
public record ScoreDetails(
    int bm25Rank, float bm25Score, int vectorRank, float vectorScore, double fused) {}
