package io.github.wenda.retrieval.eval;

import io.github.wenda.retrieval.api.SearchMode;
import java.util.List;
import java.util.Objects;

/**
 * Retrieval quality of one search mode over the answerable questions: hit rates at 1, 3 and k (a
 * question counts when any relevant passage is in the top n), MRR@k and nDCG@k, latency percentiles
 * in milliseconds, and the questions with nothing relevant in the top k. The label names the row in
 * reports: the mode's own label, or a baseline's name such as {@code fixed-bm25}.
 */
public record ModeResult(
    SearchMode mode,
    String label,
    int questions,
    double recallAt1,
    double recallAt3,
    double recallAtK,
    double mrrAtK,
    double ndcgAtK,
    double latencyP50Ms,
    double latencyP95Ms,
    List<Miss> misses) {
  public ModeResult {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(label, "label");
    misses = List.copyOf(misses);
  }

  /** A question whose answer was not in the top k, with what came first instead. */
  public record Miss(String id, String question, List<String> answers, String topPassage) {}
}
