package io.github.wenda.retrieval.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SearchSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static Fusion.Ranked r(int doc, float score) {
    return new Fusion.Ranked(doc, score);
  }

  private static SearchSettings settings(FusionMethod m, int rrfK, double w) {
    return new SearchSettings(SearchMode.HYBRID, 5, 50, m, rrfK, w, true, 1.0, false);
  }

  @Test
  void rrf_rewards_agreement_between_the_lists() {
    List<Fusion.Fused> f =
        Fusion.fuse(
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
        Fusion.fuse(
            List.of(r(1, 9f), r(2, 8f)),
            List.of(r(2, .9f), r(3, .8f)),
            settings(FusionMethod.RRF, 10, 1.0));
    assertThat(f).extracting(Fusion.Fused::doc).containsExactly(1, 2, 3);
  }

  @Test
  void weighted_fusion_normalises_each_list_to_zero_one() {
    List<Fusion.Fused> f =
        Fusion.fuse(
            List.of(r(1, 20f), r(2, 10f)),
            List.of(r(2, .9f), r(1, .5f)),
            settings(FusionMethod.WEIGHTED, 60, 0.7));
    assertThat(f).extracting(Fusion.Fused::doc).containsExactly(1, 2);
    assertThat(f.get(0).score()).isEqualTo(0.7);
    assertThat(f.get(1).score()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void a_passage_in_one_list_only_reports_rank_zero_for_the_other() {
    List<Fusion.Fused> f =
        Fusion.fuse(List.of(r(7, 3f)), List.of(), settings(FusionMethod.RRF, 60, 0.7));
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
        Fusion.fuse(
            List.of(r(5, 2f), r(4, 1f)),
            List.of(r(4, .9f), r(5, .1f)),
            settings(FusionMethod.RRF, 60, 0.5));
    assertThat(f).extracting(Fusion.Fused::doc).containsExactly(5, 4);
  }
}
