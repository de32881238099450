package io.github.wenda.bot.cli;

import io.github.wenda.retrieval.api.ProgressListener;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress for long work when no terminal is watching (a pipe, a service log, CI): whole lines on
 * stderr, never redrawn. Short stages print nothing, so a small corpus stays silent; a stage that
 * runs longer than {@link #QUIET_NANOS} prints a line every {@link #EVERY_NANOS} and one when it
 * ends.
 */
final class ProgressLines implements ProgressListener {
  /** Work done within this time needs no progress report. */
  static final long QUIET_NANOS = 5_000_000_000L;

  /** A line this often is enough to show a long build is alive without flooding a log. */
  static final long EVERY_NANOS = 10_000_000_000L;

  private final PrintStream out;
  private final String unit;
  private final LongSupplier clock;
  private String stage = "";
  private long stageStart;
  private long lastLine;
  private boolean printed;

  ProgressLines(PrintStream out, String unit, LongSupplier clock) {
    this.out = out;
    this.unit = unit;
    this.clock = clock;
  }

  @Override
  public synchronized void progress(String stage, int done, int total) {
    long now = clock.getAsLong();
    if (!stage.equals(this.stage)) {
      this.stage = stage;
      stageStart = now;
      lastLine = now;
      printed = false;
    }
    if (total <= 0) {
      return;
    }
    boolean finished = done >= total;
    boolean due = now - stageStart >= QUIET_NANOS && (!printed || now - lastLine >= EVERY_NANOS);
    if (due || (finished && printed)) {
      out.printf(
          "%s: %d/%d %s (%d%%), %.0f s%n",
          stage,
          done,
          total,
          ConsoleProgress.unitOf(stage, unit),
          100L * done / total,
          (now - stageStart) / 1e9);
      out.flush();
      lastLine = now;
      printed = true;
    }
  }
}
