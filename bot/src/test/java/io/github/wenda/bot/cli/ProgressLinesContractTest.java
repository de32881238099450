package io.github.wenda.bot.cli;

import io.github.wenda.retrieval.api.ProgressListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The log's progress lines keep the progress contract, on a clock where every call is 6 s later.
 */
class ProgressLinesContractTest extends ProgressListenerContract {
  @Override
  protected ProgressListener create(PrintStream out) {
    AtomicLong now = new AtomicLong();
    return new ProgressLines(out, "passages", () -> now.addAndGet(6_000_000_000L));
  }
}
