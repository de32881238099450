package io.github.wenda.bot.cli;

import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.console.ConsoleLoop;
import io.github.wenda.bot.console.ConsoleSession;
import io.github.wenda.bot.console.TerminalSafeWriter;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Passage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code wenda console} (and {@code wenda} alone): the interactive question loop. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = "Ask questions interactively (the default when no command is given).")
final class ConsoleCommand implements Callable<Integer> {
  @ParentCommand WendaCommand parent;

  @Override
  public Integer call() throws Exception {
    return run(parent.launch());
  }

  @SuppressWarnings("try") // a lock or watch held for the scope, never named in it
  static int run(Launch launch) throws Exception {
    if (!launch.verbose()) {
      // JLine warns through java.util.logging when stdin is a pipe; a dumb terminal is what we want
      // then.
      java.util.logging.Logger.getLogger("org.jline").setLevel(java.util.logging.Level.SEVERE);
    }
    Embedder embedder = Answering.embedder();
    try (Retrieval r = launch.openRetrieval(embedder, ConsoleProgress.forTerminal());
        Launch.Watch watch = launch.watch(r);
        Terminal terminal = TerminalBuilder.builder().system(true).name("wenda").build()) {
      String mode = Answering.configuredMode(launch);
      Map<String, AnswerService> modes = Answering.modes(launch, r, embedder);
      Map<String, Integer> counts =
          r.passages().stream()
              .collect(Collectors.groupingBy(Passage::docId, Collectors.summingInt(p -> 1)));
      // Documents, questions and models may contain escape sequences: only our own colours reach
      // the terminal.
      PrintWriter out =
          TerminalSafeWriter.wrap(terminal.writer(), TerminalSafeWriter.WENDA_COLOURS);
      ConsoleSession session =
          new ConsoleSession(
                  modes,
                  mode,
                  launch.retrieval().search().mode(),
                  launch.retrieval().search().k(),
                  launch.config().integer("conversation.max-turns"),
                  r.corpus().documents(),
                  counts,
                  out,
                  ConsoleLoop.colour(terminal) ? TextStyle.ANSI : TextStyle.PLAIN)
              .wrapTo(
                  Terminal.TYPE_DUMB.equals(terminal.getType())
                      ? 0
                      : Math.max(0, terminal.getWidth() - 1));
      String skipped =
          io.github.wenda.retrieval.api.FormatSummary.of(
                  r.corpus().documents(), r.report().skipped())
              .skippedLine(5);
      if (!skipped.isEmpty()) {
        out.println("Note: " + skipped);
      }
      Files.createDirectories(launch.dataDir());
      ConsoleLoop.run(terminal, session, launch.dataDir().resolve("history"), launch.verbose());
    }
    return Main.OK;
  }
}
