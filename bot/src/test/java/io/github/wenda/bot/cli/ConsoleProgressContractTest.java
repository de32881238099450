package io.github.wenda.bot.cli;

import io.github.wenda.retrieval.api.ProgressListener;
import java.io.PrintStream;

/** The terminal's redrawn bar keeps the progress contract. */
class ConsoleProgressContractTest extends ProgressListenerContract {
  @Override
  protected ProgressListener create(PrintStream out) {
    return new ConsoleProgress(out);
  }
}
