package io.github.wenda.bot.cli;

import io.github.wenda.bot.console.TerminalSafeWriter;
import io.github.wenda.bot.telegram.FeedbackLog;
import io.github.wenda.bot.telegram.FeedbackSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wenda feedback}: the Telegram 👍/👎 votes summed per passage and per question. */
@Command(
    name = "feedback",
    mixinStandardHelpOptions = true,
    description =
        "Summarise Telegram feedback votes per passage and per question, most disliked first.")
final class FeedbackCommand implements Callable<Integer> {
  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Path file = FeedbackLog.file(parent.launch().dataDir());
    // Questions and titles in the log came from strangers and documents: no escape sequences to the
    // terminal.
    PrintWriter out = TerminalSafeWriter.wrap(spec.commandLine().getOut(), java.util.Set.of());
    out.print(FeedbackSummary.format(FeedbackSummary.read(file), file));
    out.flush();
    return Main.OK;
  }
}
