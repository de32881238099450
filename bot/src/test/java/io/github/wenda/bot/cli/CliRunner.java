package io.github.wenda.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
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

  /**
   * Makes {@code home} the Wenda folder with a one-document corpus about the SCO (founding date,
   * secretariat, agricultural demonstration zone, WTO accession); returns the corpus folder.
   */
  static Path enterHomeWithCorpus(Path home) throws IOException {
    enterHome(home);
    Path corpus = Files.createDirectories(home.resolve("corpus"));
    Files.writeString(
        corpus.resolve("sco.txt"),
        "上海合作组织于2001年6月15日在上海宣告成立。秘书处设在北京。\n\n" + "上合组织农业合作示范区设在陕西杨凌。\n\n中国加入世界贸易组织的谈判历时15年。\n");
    return corpus;
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
