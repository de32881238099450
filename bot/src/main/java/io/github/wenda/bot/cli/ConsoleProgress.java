package io.github.wenda.bot.cli;

import io.github.wenda.retrieval.api.ProgressListener;
import java.io.PrintStream;

/**
 * A one-line progress bar on stderr, redrawn in place, when a person is watching (a terminal); in
 * pipes and logs a redrawn bar would be noise, so there long stages print whole lines instead
 * ({@link ProgressLines}).
 */
final class ConsoleProgress implements ProgressListener {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String unit;
  private final long startNanos = System.nanoTime();
  private int lastDrawn = -1;

  ConsoleProgress(PrintStream out) {
    this(out, "passages");
  }

  ConsoleProgress(PrintStream out, String unit) {
    this.out = out;
    this.unit = unit;
  }

  /** A bar when stdout and stdin are a terminal, otherwise occasional lines for long stages. */
  static ProgressListener forTerminal() {
    return forTerminal("passages");
  }

  /** A bar counting {@code unit} (e.g. settings of a sweep) when a person is watching. */
  static ProgressListener forTerminal(String unit) {
    return System.console() != null
        ? new ConsoleProgress(System.err, unit)
        : new ProgressLines(System.err, unit, System::nanoTime);
  }

  /** What a stage counts: PDF reading counts pages, whatever the listener was made for. */
  static String unitOf(String stage, String unit) {
    return "pages".equals(stage) ? "pages" : unit;
  }

  @Override
  public void progress(String stage, int done, int total) {
    if (total <= 0) {
      return;
    }
    // Counts outside 0..total (a stage whose total was an estimate) draw as an empty or full bar.
    int shown = Math.max(0, Math.min(done, total));
    int percent = (int) (100L * shown / total);
    if (percent == lastDrawn && done < total) {
      return;
    }
    lastDrawn = percent;
    int filled = (int) (WIDTH * (long) shown / total);
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    out.printf(
        "\r%-6s [%s%s] %d/%d %s %3d%% %.1fs",
        stage,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        done,
        total,
        unitOf(stage, unit),
        percent,
        seconds);
    if (done >= total) {
      out.print("\r" + " ".repeat(80) + "\r");
    }
    out.flush();
  }
}
