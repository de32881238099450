package io.github.wenda.bot.console;

import java.io.IOException;
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

  public static void run(Terminal terminal, ConsoleSession session, Path historyFile) throws IOException {
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("wenda")
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.HISTORY_SIZE, 1000)
        .build();
    run(reader, terminal.writer(), session);
  }

  /** Reads lines until :quit or end of input, then saves the history; Ctrl-C only clears the line. */
  static void run(LineReader reader, java.io.PrintWriter out, ConsoleSession session) throws IOException {
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
      if (session.handle(line) == ConsoleSession.Outcome.QUIT) {
        break;
      }
    }
    reader.getHistory().save();
  }
}
