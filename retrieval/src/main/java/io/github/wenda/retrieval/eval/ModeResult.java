package io.github.wenda.retrieval.eval;

import io.github.wenda.retrieval.search.SearchMode;
import java.util.List;

/**
 * Retrieval quality of one search mode over the answerable questions: hit rates at 1, 3 and k
 * (a question counts when any relevant passage is in the top n), MRR@k and nDCG@k, latency
 * percentiles in milliseconds, and the questions with nothing relevant in the top k.
 */
public record ModeResult(
    SearchMode mode,
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
    misses = List.copyOf(misses);
  }

  /** A question whose answer was not in the top k, with what came first instead. */
  public record Miss(String id, String question, List<String> answers, String topPassage) {}
}
