package io.github.wenda.bot.cli;

import static io.github.wenda.bot.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document whose title and text carry terminal escape sequences: none of them reach the output.
 */
class CliTerminalSafetyTest {
  @TempDir static Path home;

  @BeforeAll
  static void home() throws Exception {
    Path corpus = CliRunner.enterHomeWithCorpus(home);
    Files.writeString(
        corpus.resolve("cis.md"),
        "# 独联体\u001b]0;pwned\u0007\u001b[2J\u001b[31m\n\n"
            + "独联体执行委员会与上合组织秘书处于2005年4月12日签署\u001b]52;c;ZXZpbA==\u0007谅解备忘录。\r覆盖\n\n"
            // Enough ordinary text that the corpus loader does not take the file for binary.
            + "独联体成员国在经济、人文和安全领域开展合作，定期举行首脑会议，协调各国立场。".repeat(12)
            + "\n");
    Run index = run("index");
    assertThat(index.exit()).isZero();
    assertThat(index.out()).contains("documents  2");
  }

  @AfterAll
  static void restore() {
    CliRunner.leaveHome();
  }

  @Test
  void ask_shows_the_title_and_quote_without_their_control_characters() {
    Run r = run("ask", "独联体执行委员会与上合组织秘书处何时签署谅解备忘录？");
    assertThat(r.exit())
        .as(r.out())
        .isIn(0, 3); // answered or "not covered": either way the passage is shown
    assertThat(r.out()).contains("2005年4月12日").contains("独联体");
    assertThat(
            r.out()
                .chars()
                .filter(
                    c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c <= 0x9f))
        .isEmpty();
  }

  @Test
  void explain_output_is_free_of_control_characters_too() {
    Run r = run("explain", "示范区");
    assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
  }
}
