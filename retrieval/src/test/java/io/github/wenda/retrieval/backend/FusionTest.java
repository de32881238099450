package io.github.wenda.retrieval.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.testing.TestSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static Fusion.Ranked r(int doc, float score) {
    return new Fusion.Ranked(doc, score);
  }

  private static SearchSettings settings(FusionMethod m, int rrfK, double w) {
    return TestSettings.searchWith().fusion(m).rrfK(rrfK).bm25Weight(w).build();
  }

  /** Adaptive fusion: 0.8 from coverage 0.4 up, 0.3 up to coverage 0.2, linear between. */
  private static final SearchSettings ADAPTIVE =
      TestSettings.searchWith().fusion(FusionMethod.ADAPTIVE).adaptive(0.3, 0.2, 0.2).build();

  private static List<Fusion.Fused> fuse(
      List<Fusion.Ranked> bm25, List<Fusion.Ranked> vector, SearchSettings s) {
    return Fusion.fuse(bm25, vector, s, Fusion.bm25Weight(s, () -> 0.5));
  }

  @Test
  void rrf_rewards_agreement_between_the_lists() {
    List<Fusion.Fused> f =
        fuse(
            List.of(r(1, 9f), r(2, 8f), r(3, 7f)),
            List.of(r(3, .9f), r(2, .8f), r(4, .7f)),
            settings(FusionMethod.RRF, 60, 0.5));
    // 2 and 3 are in both lists; 1 and 4 in one each, so they fall behind.
    assertThat(f.subList(0, 2)).extracting(Fusion.Fused::doc).containsExactlyInAnyOrder(2, 3);
    Fusion.Fused two = f.stream().filter(x -> x.doc() == 2).findFirst().orElseThrow();
    assertThat(two.bm25Rank()).isEqualTo(2);
    assertThat(two.vectorRank()).isEqualTo(2);
    assertThat(two.score()).isEqualTo(0.5 / 62 + 0.5 / 62);
  }

  @Test
  void bm25_weight_of_one_keeps_the_bm25_order() {
    List<Fusion.Fused> f =
        fuse(
            List.of(r(1, 9f), r(2, 8f)),
            List.of(r(2, .9f), r(3, .8f)),
            settings(FusionMethod.RRF, 10, 1.0));
    assertThat(f).extracting(Fusion.Fused::doc).containsExactly(1, 2, 3);
  }

  @Test
  void weighted_fusion_normalises_each_list_to_zero_one() {
    List<Fusion.Fused> f =
        fuse(
            List.of(r(1, 20f), r(2, 10f)),
            List.of(r(2, .9f), r(1, .5f)),
            settings(FusionMethod.WEIGHTED, 60, 0.7));
    assertThat(f).extracting(Fusion.Fused::doc).containsExactly(1, 2);
    assertThat(f.get(0).score()).isEqualTo(0.7);
    assertThat(f.get(1).score()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void a_passage_in_one_list_only_reports_rank_zero_for_the_other() {
    List<Fusion.Fused> f = fuse(List.of(r(7, 3f)), List.of(), settings(FusionMethod.RRF, 60, 0.7));
    assertThat(f)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.bm25Rank()).isEqualTo(1);
              assertThat(x.vectorRank()).isZero();
            });
  }

  @Test
  void ties_are_broken_by_bm25_rank_then_doc() {
    List<Fusion.Fused> f =
        fuse(
            List.of(r(5, 2f), r(4, 1f)),
            List.of(r(4, .9f), r(5, .1f)),
            settings(FusionMethod.RRF, 60, 0.5));
    assertThat(f).extracting(Fusion.Fused::doc).containsExactly(5, 4);
  }

  @Test
  void fixed_fusion_uses_the_configured_weight_and_never_measures_coverage() {
    for (FusionMethod m : List.of(FusionMethod.RRF, FusionMethod.WEIGHTED)) {
      double w =
          Fusion.bm25Weight(
              settings(m, 60, 0.7),
              () -> {
                throw new AssertionError("coverage measured for " + m);
              });
      assertThat(w).isEqualTo(0.7);
    }
  }

  @Test
  void adaptive_weight_is_full_for_well_covered_questions_and_minimal_for_paraphrases() {
    assertThat(Fusion.bm25Weight(ADAPTIVE, () -> 1.0)).isEqualTo(0.8);
    assertThat(Fusion.bm25Weight(ADAPTIVE, () -> 0.4)).isEqualTo(0.8);
    assertThat(Fusion.bm25Weight(ADAPTIVE, () -> 0.2)).isEqualTo(0.3);
    assertThat(Fusion.bm25Weight(ADAPTIVE, () -> 0.0)).isEqualTo(0.3);
  }

  @Test
  void adaptive_weight_ramps_linearly_between_the_coverage_bounds() {
    assertThat(Fusion.bm25Weight(ADAPTIVE, () -> 0.3)).isCloseTo(0.55, offset(1e-9));
    assertThat(Fusion.bm25Weight(ADAPTIVE, () -> 0.25)).isCloseTo(0.425, offset(1e-9));
  }

  @Test
  void a_paraphrase_lets_the_vector_list_reorder_bm25s_near_ties() {
    // BM25 prefers 1 over 2 a little (scores 10 vs 9, normalised 1.0 vs 0.5); the vectors prefer
    // 2 clearly. With full BM25 weight 1 stays first; when BM25 matched little of the question,
    // the vectors decide.
    List<Fusion.Ranked> bm25 = List.of(r(1, 10f), r(2, 9f), r(3, 8f));
    List<Fusion.Ranked> vector = List.of(r(2, .9f), r(3, .6f), r(1, .5f));
    double covered = Fusion.bm25Weight(ADAPTIVE, () -> 0.9);
    double paraphrase = Fusion.bm25Weight(ADAPTIVE, () -> 0.1);
    assertThat(Fusion.fuse(bm25, vector, ADAPTIVE, covered).get(0).doc()).isEqualTo(1);
    assertThat(Fusion.fuse(bm25, vector, ADAPTIVE, paraphrase).get(0).doc()).isEqualTo(2);
  }

  @Test
  void adaptive_fusion_scores_like_weighted_fusion_with_the_weight_it_chose() {
    List<Fusion.Ranked> bm25 = List.of(r(1, 20f), r(2, 10f), r(4, 5f));
    List<Fusion.Ranked> vector = List.of(r(2, .9f), r(1, .5f), r(3, .4f));
    List<Fusion.Fused> adaptive = Fusion.fuse(bm25, vector, ADAPTIVE, 0.55);
    List<Fusion.Fused> weighted =
        Fusion.fuse(bm25, vector, settings(FusionMethod.WEIGHTED, 60, 0.55), 0.55);
    assertThat(adaptive).isEqualTo(weighted);
  }

  @Test
  void a_weight_outside_zero_one_is_refused_with_its_value() {
    assertThatThrownBy(
            () -> Fusion.fuse(List.of(r(1, 1f)), List.of(), settings(FusionMethod.RRF, 60, 1), 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }
}
