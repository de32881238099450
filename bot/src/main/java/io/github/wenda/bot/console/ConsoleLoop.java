package io.github.wenda.bot.console;

import io.github.wenda.bot.storage.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * The interactive loop on JLine: line editing, persistent history under the data directory, and
 * display widths that count a CJK character as two columns. Ctrl-C clears the line; Ctrl-D quits.
 * An unexpected error while answering one line is reported in one line and the loop goes on.
 */
public final class ConsoleLoop {
  private ConsoleLoop() {}

  /** True when the terminal can show colour and the user has not asked for none (NO_COLOR). */
  public static boolean colour(Terminal terminal) {
    if (System.getenv("NO_COLOR") != null || Terminal.TYPE_DUMB.equals(terminal.getType())) {
      return false;
    }
    Integer colours = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
    return colours != null && colours >= 8;
  }

  public static void run(
      Terminal terminal, ConsoleSession session, Path historyFile, boolean verbose)
      throws IOException {
    // The history holds every question asked: created owner-only before JLine appends to it.
    PrivateFiles.openAppend(historyFile).close();
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("wenda")
            .variable(LineReader.HISTORY_FILE, historyFile)
            .variable(LineReader.HISTORY_SIZE, 1000)
            .build();
    try {
      run(reader, terminal.writer(), session, verbose);
    } finally {
      PrivateFiles.restrict(historyFile); // in case JLine replaced the file when saving
    }
  }

  static void run(LineReader reader, PrintWriter out, ConsoleSession session) throws IOException {
    run(reader, out, session, false);
  }

  /**
   * Reads lines until :quit or end of input, then saves the history; Ctrl-C only clears the line. A
   * runtime error from one line becomes one line of output (with the stack trace when {@code
   * verbose}); the next question is read as usual.
   */
  static void run(LineReader reader, PrintWriter out, ConsoleSession session, boolean verbose)
      throws IOException {
    out.println(session.banner());
    out.flush();
    while (true) {
      String line;
      try {
        line = reader.readLine("问> ");
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      ConsoleSession.Outcome outcome;
      try {
        outcome = session.handle(line);
      } catch (RuntimeException | StackOverflowError e) {
        out.println();
        out.println(bugLine(e, verbose));
        if (verbose) {
          e.printStackTrace(out);
        }
        out.flush();
        continue;
      }
      if (outcome == ConsoleSession.Outcome.QUIT) {
        break;
      }
    }
    reader.getHistory().save();
  }

  /** The one line shown for an unexpected error while answering. */
  public static String bugLine(Throwable e, boolean verbose) {
    return "wenda: unexpected error while answering: "
        + TerminalSafeWriter.strip(String.valueOf(e))
        + " — this is a bug, please report it"
        + (verbose ? "" : " (run with --verbose for the stack trace)");
  }
}
