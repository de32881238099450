package io.github.wenda.bot.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs {@code wenda} command lines in-process against a temporary Wenda home, capturing output. */
final class CliRunner {
  private static String previousHome;

  /** What a command line did. */
  record Run(int exit, String out, String err) {}

  private CliRunner() {}

  /** Makes {@code home} the Wenda folder (as the launcher's {@code -Dwenda.home} would). */
  static void enterHome(Path home) {
    previousHome = System.getProperty("wenda.home");
    System.setProperty("wenda.home", home.toString());
  }

  static void leaveHome() {
    if (previousHome == null) {
      System.clearProperty("wenda.home");
    } else {
      System.setProperty("wenda.home", previousHome);
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }
}
