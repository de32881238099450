package io.github.wenda.bot.cli;

import io.github.wenda.bot.console.TerminalSafeWriter;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.FormatSummary;
import io.github.wenda.retrieval.api.IndexReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wenda index}: builds or refreshes the index and reports what it did, stage by stage. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description =
        "Build or refresh the index of the corpus (only changed documents are re-embedded).")
final class IndexCommand implements Callable<Integer> {
  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Launch launch = parent.launch();
    long t = System.nanoTime();
    try (Retrieval r = launch.openRetrieval(ConsoleProgress.forTerminal())) {
      IndexReport report = r.report();
      // Changed-file names are the user's, and may hold control characters: none reach the
      // terminal.
      PrintWriter out = TerminalSafeWriter.wrap(spec.commandLine().getOut(), java.util.Set.of());
      out.printf(
          "Index %s: %s%n",
          report.action().name().toLowerCase(java.util.Locale.ROOT), r.location());
      out.printf("  documents  %d%n", report.documents());
      out.printf("  passages   %d (%d embedded now)%n", report.passages(), report.embedded());
      if (!report.changedDocuments().isEmpty() && report.action() == IndexReport.Action.UPDATED) {
        out.printf("  changed    %s%n", String.join(", ", report.changedDocuments()));
      }
      for (Map.Entry<String, Duration> stage : report.stages().entrySet()) {
        out.printf("  %-10s %.2f s%n", stage.getKey(), stage.getValue().toNanos() / 1e9);
      }
      out.printf("  total      %.2f s%n", (System.nanoTime() - t) / 1e9);
      FormatSummary formats = FormatSummary.of(r.corpus().documents(), report.skipped());
      for (String line : formats.lines()) {
        out.println("  " + line);
      }
      for (String w : report.warnings()) {
        out.println("  warning: " + w);
      }
      out.flush();
      if (formats.indexedCount() == 0 && !formats.skipped().isEmpty()) {
        spec.commandLine()
            .getErr()
            .println(
                "error: no document in "
                    + launch.retrieval().corpusDir()
                    + " could be indexed: "
                    + formats.skippedLine(5));
        return Main.ERROR;
      }
    }
    return Main.OK;
  }
}
