package io.github.wenda.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {
  private final AtomicLong now = new AtomicLong();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ProgressLines progress =
      new ProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8), "passages", now::get);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_short_stage_prints_nothing() {
    progress.progress("embed", 0, 100);
    now.addAndGet(2_000_000_000L);
    progress.progress("embed", 100, 100);

    assertThat(printed()).isEmpty();
  }

  @Test
  void a_long_stage_prints_whole_lines_now_and_then_and_when_it_ends() {
    progress.progress("embed", 0, 1000);
    for (int done = 1; done <= 1000; done++) {
      now.addAndGet(30_000_000L); // 30 s in all
      progress.progress("embed", done, 1000);
    }

    String[] lines = printed().split("\n");
    assertThat(lines).hasSizeBetween(3, 4);
    assertThat(lines[0]).startsWith("embed: ").contains("passages").doesNotContain("\r");
    assertThat(lines[lines.length - 1]).startsWith("embed: 1000/1000 passages (100%)");
  }

  @Test
  void pdf_pages_are_counted_as_pages() {
    progress.progress("pages", 0, 200);
    now.addAndGet(6_000_000_000L);
    progress.progress("pages", 10, 200);

    assertThat(printed()).startsWith("pages: 10/200 pages (5%)");
  }
}
