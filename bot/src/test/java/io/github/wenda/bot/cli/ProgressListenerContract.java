package io.github.wenda.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.wenda.retrieval.api.ProgressListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What every progress display promises: whatever counts the work reports (none yet, more done than
 * planned, a stage restarting), it never throws, since a display must never stop an index build; it
 * shows the stage and its counts; a finished stage leaves the output at the start of a line.
 */
abstract class ProgressListenerContract {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  /** A listener writing to {@code out}, in a state where it shows a long stage. */
  protected abstract ProgressListener create(PrintStream out);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void odd_counts_never_throw() {
    ProgressListener p = create(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    int[][] counts = {
      {0, 0}, {3, 0}, {-1, 10}, {11, 10}, {Integer.MAX_VALUE, 1}, {1, -5}, {5, 10}, {0, 10}
    };
    for (int[] c : counts) {
      assertThatCode(() -> p.progress("index", c[0], c[1]))
          .as("%d/%d", c[0], c[1])
          .doesNotThrowAnyException();
      assertThatCode(() -> p.progress("", c[0], c[1]))
          .as("no stage, %d/%d", c[0], c[1])
          .doesNotThrowAnyException();
    }
  }

  @Test
  void shows_the_stage_and_its_counts_and_ends_a_finished_stage_at_a_line_start() {
    ProgressListener p = create(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    for (int done = 0; done <= 40; done++) {
      p.progress("embed", done, 40);
    }
    assertThat(output()).contains("embed").contains("40/40");
    assertThat(output())
        .satisfiesAnyOf(o -> assertThat(o).endsWith("\n"), o -> assertThat(o).endsWith("\r"));
  }
}
