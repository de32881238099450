package io.github.wenda.retrieval.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.testing.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentenceEvidenceTest {
  // 局域网 and 主机 are rare (weight 3 each), 解析 common (weight 1): total 7.
  private static final SentenceEvidence QUESTION =
      new SentenceEvidence(
          List.of(
              new SentenceEvidence.Term("局域网", 3),
              new SentenceEvidence.Term("主机", 3),
              new SentenceEvidence.Term("解析", 1)));

  @Test
  void the_best_single_sentence_counts_not_the_passage_as_a_whole() {
    // given a passage holding every question word, but in two sentences about different things
    String scattered = "局域网的地址由路由器分配。主机名的解析由 NSS 完成。";
    // and one whose second sentence holds all of them
    String together = "resolvconf 管理 resolv.conf。局域网里的主机名通过组播 DNS 解析。";

    // then the first scores its best sentence (主机 + 解析 = 4 of 7), the second all 7
    assertThat(QUESTION.best(scattered)).isCloseTo(4.0 / 7, within(1e-9));
    assertThat(QUESTION.best(together)).isEqualTo(1.0);
  }

  @Test
  void table_rows_and_lines_are_sentences_of_their_own() {
    String table = "局域网 | 192.168.0.0/16\n主机 | 解析 | /etc/hosts";

    assertThat(QUESTION.best(table)).isCloseTo(4.0 / 7, within(1e-9));
  }

  @Test
  void sentences_are_compared_in_match_form() {
    // Traditional characters, full-width Latin letters and capitals match the question's terms,
    // which the index lower-cased and folded.
    SentenceEvidence q =
        new SentenceEvidence(
            List.of(new SentenceEvidence.Term("主机", 1), new SentenceEvidence.Term("dns", 1)));

    assertThat(q.best("主機名由ＤＮＳ查詢。")).isEqualTo(1.0);
  }

  @Test
  void no_terms_or_no_text_is_no_evidence() {
    assertThat(new SentenceEvidence(List.of()).best("局域网主机解析")).isZero();
    assertThat(QUESTION.best("")).isZero();
    // an empty term would be "in" every sentence: it is left out, not counted
    assertThat(
            new SentenceEvidence(
                    List.of(new SentenceEvidence.Term("", 5), new SentenceEvidence.Term("主机", 1)))
                .best("局域网。"))
        .isZero();
    assertThatThrownBy(() -> new SentenceEvidence.Term("主机", Double.NaN))
        .hasMessageContaining("NaN");
  }

  private static final Map<Integer, String> TEXTS =
      Map.of(
          1, "局域网的地址由路由器分配。主机名的解析由 NSS 完成。", // best sentence 4/7
          2, "局域网里的主机名通过组播 DNS 解析。", // 7/7
          3, "与问题无关的一句话。", // 0
          4, "局域网里的主机名通过组播 DNS 解析。"); // 7/7, but below the depth

  private static final java.util.function.IntFunction<List<String>> UNITS =
      doc -> SentenceEvidence.units(TEXTS.get(doc));

  private static List<Fusion.Fused> fused() {
    return List.of(
        new Fusion.Fused(1, 1, 9f, 2, 0.8f, 0.90),
        new Fusion.Fused(2, 2, 8f, 3, 0.7f, 0.81),
        new Fusion.Fused(3, 3, 7f, 1, 0.9f, 0.80),
        new Fusion.Fused(4, 4, 6f, 4, 0.6f, 0.60));
  }

  private static SearchSettings settings(double weight, int depth) {
    return TestSettings.searchWith().fusion(FusionMethod.ADAPTIVE).sentences(weight, depth).build();
  }

  @Test
  void a_candidate_whose_one_sentence_answers_rises_above_one_that_scatters_the_words() {
    List<Fusion.Fused> out = QUESTION.rerank(fused(), settings(0.2, 3), UNITS);

    // 2: 0.81/0.90 + 0.2 = 1.100; 1: 1.0 + 0.2 * 4/7 = 1.114 ... so 1 stays first at 0.2
    assertThat(out).extracting(Fusion.Fused::doc).containsExactly(1, 2, 3, 4);
    // at 0.5 the answering sentence wins: 2: 0.9 + 0.5 = 1.40 > 1: 1.0 + 0.5 * 4/7 = 1.29
    List<Fusion.Fused> strong = QUESTION.rerank(fused(), settings(0.5, 3), UNITS);
    assertThat(strong).extracting(Fusion.Fused::doc).containsExactly(2, 1, 3, 4);
    assertThat(strong.get(0).score()).isCloseTo(0.81 / 0.90 + 0.5, within(1e-9));
    assertThat(strong.get(0).sentence()).isEqualTo(1.0);
  }

  @Test
  void only_the_first_depth_candidates_are_read_and_the_rest_keep_their_place_below() {
    List<Fusion.Fused> out = QUESTION.rerank(fused(), settings(0.5, 3), UNITS);

    // 4 has the answering sentence too, but lies below the depth: not read, still last
    Fusion.Fused last = out.get(3);
    assertThat(last.doc()).isEqualTo(4);
    assertThat(last.sentence()).isZero();
    assertThat(last.score()).isCloseTo(0.60 / 0.90, within(1e-9));
    // scores still fall down the list
    for (int i = 1; i < out.size(); i++) {
      assertThat(out.get(i).score()).isLessThanOrEqualTo(out.get(i - 1).score());
    }
  }

  @Test
  void weight_or_depth_zero_leaves_the_fused_list_as_it_was() {
    assertThat(QUESTION.rerank(fused(), settings(0, 3), UNITS)).isEqualTo(fused());
    assertThat(QUESTION.rerank(fused(), settings(0.5, 0), UNITS)).isEqualTo(fused());
    assertThat(QUESTION.rerank(List.of(), settings(0.5, 3), UNITS)).isEmpty();
  }

  @Test
  void rank_fusion_scores_are_scaled_like_score_fusion_ones() {
    // Reciprocal-rank scores are near 1/61; relative to the first they weigh as score fusion's do.
    List<Fusion.Fused> rrf =
        List.of(
            new Fusion.Fused(1, 1, 9f, 2, 0.8f, 0.90 / 61),
            new Fusion.Fused(2, 2, 8f, 3, 0.7f, 0.81 / 61));

    assertThat(QUESTION.rerank(rrf, settings(0.5, 3), UNITS))
        .extracting(Fusion.Fused::doc)
        .containsExactly(2, 1);
  }
}
