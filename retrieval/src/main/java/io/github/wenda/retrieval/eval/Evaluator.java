package io.github.wenda.retrieval.eval;

import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores a retriever against a question set. nDCG's ideal ranking counts every relevant passage in
 * the index (capped at k), so a mode is not rewarded for finding only one of several.
 */
public final class Evaluator {
  private static final int WARM_UP_QUESTIONS = 10;

  private final Retriever retriever;
  private final List<Passage> allPassages;
  private final TextNormalizer cleaner = new TextNormalizer();

  public Evaluator(Retriever retriever, List<Passage> allPassages) {
    this.retriever = retriever;
    this.allPassages = List.copyOf(allPassages);
  }

  public EvalReport run(List<Question> questions, int k, List<SearchMode> modes) {
    List<Question> answerable = questions.stream().filter(Question::answerable).toList();
    int unanswerable = (int) questions.stream().filter(q -> q.scored() && !q.answerable()).count();
    List<ModeResult> results = new ArrayList<>();
    for (SearchMode mode : modes) {
      results.add(score(answerable, k, mode, mode.label()));
    }
    return new EvalReport(k, answerable.size(), unanswerable, results);
  }

  /**
   * Scores one list under a label of its own, for a retriever that is not one of Wenda's modes (a
   * baseline); {@code mode} is passed through to its queries.
   */
  public ModeResult run(String label, List<Question> questions, int k, SearchMode mode) {
    return score(questions.stream().filter(Question::answerable).toList(), k, mode, label);
  }

  private ModeResult score(List<Question> questions, int k, SearchMode mode, String label) {
    // The first searches pay for class loading and the model's first run; don't time them.
    for (int i = 0; i < Math.min(WARM_UP_QUESTIONS, questions.size()); i++) {
      retriever.search(new Query(questions.get(i).question(), k, mode));
    }
    double r1 = 0, r3 = 0, rk = 0, mrr = 0, ndcg = 0;
    double[] latency = new double[questions.size()];
    List<ModeResult.Miss> misses = new ArrayList<>();
    for (int qi = 0; qi < questions.size(); qi++) {
      Question q = questions.get(qi);
      Relevance rel = new Relevance(cleaner, q.answers());
      long t = System.nanoTime();
      List<Hit> hits = retriever.search(new Query(q.question(), k, mode));
      latency[qi] = (System.nanoTime() - t) / 1e6;
      int first = 0;
      double dcg = 0;
      for (Hit h : hits) {
        if (rel.test(h.passage())) {
          if (first == 0) {
            first = h.rank();
          }
          dcg += 1 / log2(h.rank() + 1);
        }
      }
      int relevantInIndex = (int) allPassages.stream().filter(rel::test).count();
      double idcg = 0;
      for (int i = 1; i <= Math.min(k, relevantInIndex); i++) {
        idcg += 1 / log2(i + 1);
      }
      if (first == 1) {
        r1++;
      }
      if (first >= 1 && first <= 3) {
        r3++;
      }
      if (first >= 1) {
        rk++;
        mrr += 1.0 / first;
      } else {
        String top =
            hits.isEmpty()
                ? ""
                : hits.get(0).passage().id() + " " + excerpt(hits.get(0).passage().text());
        misses.add(new ModeResult.Miss(q.id(), q.question(), q.answers(), top));
      }
      ndcg += idcg > 0 ? dcg / idcg : 0;
    }
    int n = Math.max(1, questions.size());
    return new ModeResult(
        mode,
        label,
        questions.size(),
        r1 / n,
        r3 / n,
        rk / n,
        mrr / n,
        ndcg / n,
        percentile(latency, 50),
        percentile(latency, 95),
        misses);
  }

  static double percentile(double[] values, int p) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static String excerpt(String text) {
    String t = text.replace('\n', ' ');
    return t.length() > 80 ? t.substring(0, 80) + "…" : t;
  }
}
