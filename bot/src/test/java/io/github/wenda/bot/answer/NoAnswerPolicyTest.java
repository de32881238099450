package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoAnswerPolicyTest {
  private final NoAnswerPolicy policy = new NoAnswerPolicy(0.5, 0.8, 3);

  @Test
  void rare_question_words_missing_from_the_passages_weigh_most() {
    // 北约 is absent from the corpus (high idf); 成立 is everywhere (low idf).
    Map<String, Double> idf = Map.of("北约", 6.0, "成立", 1.0);
    TermOverlap overlap = new TermOverlap(List.of("北约", "成立"), w -> idf.get(w));
    Evidence e = policy.assess(overlap, Hits.of("上合组织成立于2001年。"));
    assertThat(e.coverage()).isCloseTo(1.0 / 7, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(policy.declines(new Evidence(e.coverage(), 0.7))).isTrue();
  }

  @Test
  void strong_coverage_or_strong_similarity_is_enough_to_answer() {
    assertThat(policy.declines(new Evidence(0.6, 0.1))).isFalse();
    assertThat(policy.declines(new Evidence(0.1, 0.85))).isFalse();
    assertThat(policy.declines(new Evidence(0.4, 0.75))).isTrue();
  }

  @Test
  void thresholds_out_of_range_name_the_key() {
    assertThatThrownBy(() -> new NoAnswerPolicy(1.5, 0.8, 3))
        .hasMessageContaining("answer.min-coverage")
        .hasMessageContaining("1.5");
  }
}
