package io.github.wenda.retrieval.backend;

import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.SearchSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges two ranked lists of Lucene document numbers into one.
 *
 * <p>Lucene's BM25 scores and cosine similarities are not on one scale, and BM25 scores are not
 * comparable across queries, so the lists are combined by rank (weighted reciprocal rank fusion,
 * {@code w/(k+rank)}) or by scores min-max-normalised within each list. Both weight BM25 by {@code
 * bm25Weight} and the vector list by the rest. Public so that every backend (embedded Lucene,
 * SolrCloud) fuses with the same code; a backend numbers its candidates itself.
 */
public final class Fusion {
  private Fusion() {}

  /**
   * A list entry: a document number (Lucene's, or one the backend assigns) and raw score, best
   * first.
   */
  public record Ranked(int doc, float score) {}

  /** A fused entry with everything explain needs. */
  public record Fused(
      int doc, int bm25Rank, float bm25Score, int vectorRank, float vectorScore, double score) {}

  public static List<Fused> fuse(List<Ranked> bm25, List<Ranked> vector, SearchSettings s) {
    Map<Integer, double[]> acc = new LinkedHashMap<>();
    Map<Integer, Integer> bRank = index(bm25);
    Map<Integer, Integer> vRank = index(vector);
    double w = s.bm25Weight();
    if (s.fusion() == FusionMethod.RRF) {
      for (int i = 0; i < bm25.size(); i++) {
        acc.computeIfAbsent(bm25.get(i).doc(), d -> new double[1])[0] += w / (s.rrfK() + i + 1);
      }
      for (int i = 0; i < vector.size(); i++) {
        acc.computeIfAbsent(vector.get(i).doc(), d -> new double[1])[0] +=
            (1 - w) / (s.rrfK() + i + 1);
      }
    } else {
      addNormalised(bm25, w, acc);
      addNormalised(vector, 1 - w, acc);
    }
    List<Fused> out = new ArrayList<>(acc.size());
    for (Map.Entry<Integer, double[]> e : acc.entrySet()) {
      int doc = e.getKey();
      Integer br = bRank.get(doc);
      Integer vr = vRank.get(doc);
      out.add(
          new Fused(
              doc,
              br == null ? 0 : br + 1,
              br == null ? 0f : bm25.get(br).score(),
              vr == null ? 0 : vr + 1,
              vr == null ? 0f : vector.get(vr).score(),
              e.getValue()[0]));
    }
    // Ties (common with RRF) go to the better BM25 rank, then the lower doc number, so results are
    // stable.
    out.sort(
        (a, b) -> {
          int c = Double.compare(b.score(), a.score());
          if (c != 0) {
            return c;
          }
          c = Integer.compare(rankOrMax(a.bm25Rank()), rankOrMax(b.bm25Rank()));
          return c != 0 ? c : Integer.compare(a.doc(), b.doc());
        });
    return out;
  }

  /** One list alone, in its own order, as fused entries. */
  public static List<Fused> single(List<Ranked> list, boolean isBm25) {
    List<Fused> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Ranked r = list.get(i);
      out.add(
          isBm25
              ? new Fused(r.doc(), i + 1, r.score(), 0, 0f, r.score())
              : new Fused(r.doc(), 0, 0f, i + 1, r.score(), r.score()));
    }
    return out;
  }

  private static void addNormalised(List<Ranked> list, double weight, Map<Integer, double[]> acc) {
    if (list.isEmpty()) {
      return;
    }
    float max = list.get(0).score();
    float min = list.get(list.size() - 1).score();
    for (Ranked r : list) {
      double norm = max > min ? (r.score() - min) / (max - min) : 1.0;
      acc.computeIfAbsent(r.doc(), d -> new double[1])[0] += weight * norm;
    }
  }

  private static Map<Integer, Integer> index(List<Ranked> list) {
    Map<Integer, Integer> m = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      m.putIfAbsent(list.get(i).doc(), i);
    }
    return m;
  }

  private static int rankOrMax(int rank) {
    return rank == 0 ? Integer.MAX_VALUE : rank;
  }
}
