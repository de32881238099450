package io.github.wenda.retrieval.backend;

import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SearchSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Merges two ranked lists of Lucene document numbers into one.
 *
 * <p>Lucene's BM25 scores and cosine similarities are not on one scale, and BM25 scores are not
 * comparable across queries, so the lists are combined by rank (weighted reciprocal rank fusion,
 * {@code w/(k+rank)}) or by scores min-max-normalised within each list. Both weight BM25 by a share
 * {@code w} and the vector list by the rest: {@code search.bm25-weight} for {@code rrf} and {@code
 * weighted}, a share per question for {@code adaptive} (see {@link #bm25Weight}). Public so that
 * every backend (embedded Lucene, SolrCloud) fuses with the same code; a backend numbers its
 * candidates itself.
 */
public final class Fusion {
  private Fusion() {}

  /**
   * A list entry: a document number (Lucene's, or one the backend assigns) and raw score, best
   * first.
   */
  public record Ranked(int doc, float score) {}

  /**
   * A fused entry with everything explain needs: {@code score} is what the list is sorted by, the
   * fused score {@code fusion} until {@link SentenceEvidence#rerank} adds the best sentence's share
   * of the question's term weight ({@code sentence}, 0 before).
   */
  public record Fused(
      int doc,
      int bm25Rank,
      float bm25Score,
      int vectorRank,
      float vectorScore,
      double score,
      double fusion,
      double sentence) {
    public Fused(
        int doc, int bm25Rank, float bm25Score, int vectorRank, float vectorScore, double score) {
      this(doc, bm25Rank, bm25Score, vectorRank, vectorScore, score, score, 0);
    }

    /** This entry sorted by {@code newScore}, with its best sentence's share. */
    public Fused withEvidence(double newScore, double share) {
      return new Fused(doc, bm25Rank, bm25Score, vectorRank, vectorScore, newScore, fusion, share);
    }

    /** Why it ranked where it did, for a hit. */
    public ScoreDetails details() {
      return new ScoreDetails(
          bm25Rank, bm25Score, vectorRank, vectorScore, fusion, sentence, score);
    }
  }

  /**
   * BM25's share in the fusion of one question. For {@code rrf} and {@code weighted} it is {@code
   * search.bm25-weight}, and {@code coverage} is not called. For {@code adaptive} it follows the
   * share of the question's term weight that the best BM25 passage holds ({@link TermCoverage}):
   * {@code search.min-bm25-weight} up to {@code search.coverage-low}, rising linearly over the next
   * {@code search.coverage-ramp} to {@code search.bm25-weight}.
   *
   * <p>Why: a question asked in the documents' words finds its rare words together in one passage,
   * and BM25 then ranks the answer first (the bundled questions want about 0.8); a paraphrase
   * matches only scattered common words, BM25's top candidates are near-ties that the min-max
   * normalisation stretches into large gaps, and the vector list, which reads the meaning, should
   * decide more (the paraphrased Debian questions want about 0.5). The ramp rather than a step
   * keeps a question near the threshold from jumping between two rankings.
   */
  public static double bm25Weight(SearchSettings s, DoubleSupplier coverage) {
    if (s.fusion() != FusionMethod.ADAPTIVE) {
      return s.bm25Weight();
    }
    double c = coverage.getAsDouble();
    double t = Math.min(1, Math.max(0, (c - s.coverageLow()) / s.coverageRamp()));
    return s.minBm25Weight() + t * (s.bm25Weight() - s.minBm25Weight());
  }

  /**
   * Fuses the two lists, BM25 weighted by {@code w} (from {@link #bm25Weight}) and the vector list
   * by {@code 1 - w}: by rank for {@code rrf}, by min-max-normalised score otherwise.
   */
  public static List<Fused> fuse(
      List<Ranked> bm25, List<Ranked> vector, SearchSettings s, double w) {
    if (!(w >= 0 && w <= 1)) {
      throw new IllegalArgumentException(
          "the BM25 weight must be between 0.0 and 1.0, but is: " + w);
    }
    Map<Integer, double[]> acc = new LinkedHashMap<>();
    Map<Integer, Integer> bRank = index(bm25);
    Map<Integer, Integer> vRank = index(vector);
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
