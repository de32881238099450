package io.github.wenda.bot.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepGridTest {
  @Test
  void every_combination_first_axis_slowest() {
    SweepGrid grid =
        SweepGrid.parse(List.of("chunk.max-chars=250, 300", "search.fusion=rrf,weighted,rrf"));
    assertThat(grid.points())
        .containsExactly(
            Map.of("chunk.max-chars", "250", "search.fusion", "rrf"),
            Map.of("chunk.max-chars", "250", "search.fusion", "weighted"),
            Map.of("chunk.max-chars", "300", "search.fusion", "rrf"),
            Map.of("chunk.max-chars", "300", "search.fusion", "weighted"));
    assertThat(SweepGrid.asOverrides(grid.points().get(1)))
        .containsExactly("chunk.max-chars=250", "search.fusion=weighted");
  }

  @Test
  void errors_name_the_offending_spec_key_or_value() {
    assertThatThrownBy(() -> SweepGrid.parse(List.of("search.k")))
        .hasMessageContaining("'search.k'");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("serch.k=5")))
        .hasMessageContaining("'serch.k' cannot be swept")
        .hasMessageContaining("search.k");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("answer.mode=llm")))
        .hasMessageContaining("'answer.mode'");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("search.k=5,,8")))
        .hasMessageContaining("empty value");
    assertThatThrownBy(() -> SweepGrid.parse(List.of("search.k=5", "search.k=8")))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> SweepGrid.parse(List.of())).hasMessageContaining("at least one");
  }

  @Test
  void metric_names_are_checked() {
    assertThat(SweepMetric.parse("Recall")).isEqualTo(SweepMetric.RECALL);
    assertThatThrownBy(() -> SweepMetric.parse("f1")).hasMessageContaining("f1");
  }
}
