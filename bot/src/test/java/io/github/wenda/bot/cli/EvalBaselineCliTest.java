package io.github.wenda.bot.cli;

import static io.github.wenda.bot.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wenda.bot.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wenda eval --baseline fixed-bm25}: the plain baseline as one more row of the same table.
 */
class EvalBaselineCliTest {
  @TempDir static Path home;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path questions;

  @BeforeAll
  static void home() throws Exception {
    Path corpus = CliRunner.enterHomeWithCorpus(home);
    // An HTML page: Wenda's loader may not read it yet, the baseline reads it with jsoup.
    Files.writeString(
        corpus.resolve("apt.html"),
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>软件包管理</title></head>
        <body><p>用 <code>apt-get autoremove</code> 移除不再需要的自动安装的软件包。</p></body></html>
        """);
    Files.writeString(corpus.resolve("notes.yaml"), "not: a document\n");
    questions = home.resolve("q.jsonl");
    Files.writeString(
        questions,
        """
        {"id":"1","question":"示范区在哪","answers":["杨凌"]}
        {"id":"2","question":"怎么移除自动安装的软件包","answers":["apt-get autoremove"]}
        {"id":"3","question":"巴黎天气","answers":[]}
        """);
  }

  @AfterAll
  static void restore() {
    CliRunner.leaveHome();
  }

  @Test
  void baseline_alone_prints_its_row_without_building_wendas_index() {
    Run r =
        run(
            "eval",
            "--questions",
            questions.toString(),
            "--mode",
            "none",
            "--baseline",
            "fixed-bm25");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 answerable questions (1 unanswerable not scored), k=5");
    assertThat(r.out()).containsPattern("fixed-bm25\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+1\\.000");
    assertThat(r.out()).doesNotContain("hybrid");
    assertThat(r.err()).contains("{html=1, txt=1}").contains("not read: 1 file(s) [notes.yaml]");
    assertThat(home.resolve(".wenda/index")).doesNotExist();
  }

  @Test
  void baseline_row_follows_the_modes_in_json() throws Exception {
    Run r =
        run(
            "eval",
            "--questions",
            questions.toString(),
            "--mode",
            "bm25",
            "--baseline",
            "fixed-bm25",
            "--baseline-step",
            "100",
            "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode modes = JSON.readTree(r.out()).get("modes");
    assertThat(modes).hasSize(2);
    assertThat(modes.get(0).get("label").asText()).isEqualTo("bm25");
    assertThat(modes.get(1).get("label").asText()).isEqualTo("fixed-bm25");
    assertThat(modes.get(1).get("recallAtK").asDouble()).isEqualTo(1.0);
    assertThat(r.err()).contains("windows of 300 characters every 100");
  }

  @Test
  void an_unknown_baseline_or_bad_window_is_a_usage_error_naming_the_value() {
    Run bogus = run("eval", "--questions", questions.toString(), "--baseline", "bogus");
    assertThat(bogus.exit()).isEqualTo(2);
    assertThat(bogus.err()).contains("--baseline").contains("bogus");
    Run step =
        run(
            "eval",
            "--questions",
            questions.toString(),
            "--mode",
            "none",
            "--baseline",
            "fixed-bm25",
            "--baseline-step",
            "400");
    assertThat(step.exit()).isEqualTo(2);
    assertThat(step.err()).contains("400");
    Run nothing = run("eval", "--questions", questions.toString(), "--mode", "none");
    assertThat(nothing.exit()).isEqualTo(2);
    assertThat(nothing.err()).contains("--baseline");
  }
}
