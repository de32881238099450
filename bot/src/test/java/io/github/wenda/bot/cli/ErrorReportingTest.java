package io.github.wenda.bot.cli;

import static io.github.wenda.bot.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import io.github.wenda.bot.cli.CliRunner.Run;
import io.github.wenda.bot.config.ConfigException;
import io.github.wenda.bot.config.ConfigLoader;
import io.github.wenda.bot.logging.LogSetup;
import io.github.wenda.retrieval.api.WendaException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A user's mistake reads as one line naming the value; a bug reads as a bug, never as a typo. */
class ErrorReportingTest {
  private static final String TOKEN = "123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOpp";

  @TempDir static Path home;

  @BeforeAll
  static void home() throws Exception {
    CliRunner.enterHomeWithCorpus(home);
  }

  @AfterAll
  static void restore() {
    CliRunner.leaveHome();
  }

  @Test
  void a_bug_is_reported_as_a_bug_with_exit_1() {
    Reported r =
        handle(
            new IllegalStateException("no passages for ordinal 7\nsecond line"), false, Map.of());

    assertThat(r.exit()).isEqualTo(Main.ERROR);
    assertThat(r.err())
        .startsWith(
            "wenda: this is a bug, please report it: IllegalStateException: no passages for ordinal 7")
        .contains("--verbose")
        .doesNotContain("second line")
        .doesNotContain("\tat ");
  }

  @Test
  void an_illegal_argument_is_a_bug_too_not_a_user_error() {
    Reported r =
        handle(new IllegalArgumentException("rank must be >= 1, but is: 0"), false, Map.of());

    assertThat(r.exit()).isEqualTo(Main.ERROR);
    assertThat(r.err()).contains("this is a bug").contains("rank must be >= 1, but is: 0");
  }

  @Test
  void with_verbose_a_bug_shows_its_stack_trace() {
    Reported r = handle(new IllegalStateException("boom"), true, Map.of());

    assertThat(r.err())
        .contains("this is a bug")
        .contains("\tat ")
        .doesNotContain("run with --verbose");
  }

  @Test
  void a_bug_lands_in_the_log_file_with_its_stack_trace_and_is_not_printed_twice()
      throws Exception {
    Path logs = Files.createTempDirectory(home, "logs");
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
      // Verbose: the console logs everything, yet the trace Main prints itself must not come twice.
      LogSetup.apply(context, Optional.of(logs), true);

      handle(new IllegalStateException("boom in the log"), true, Map.of());
    } finally {
      LogSetup.apply(context, Optional.empty(), false);
      System.setErr(originalErr);
    }

    String log = Files.readString(logs.resolve("wenda.log"));
    assertThat(log).contains("this is a bug").contains("boom in the log").contains("\tat ");
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("boom in the log");
  }

  @Test
  void a_bug_never_prints_a_secret_from_the_environment() {
    Map<String, String> env =
        Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "DEEPSEEK_API_KEY", "sk-deepseek-secret-value");
    Exception e =
        new IllegalStateException(
            "POST https://api.telegram.org/bot"
                + TOKEN
                + "/sendMessage with key "
                + "sk-deepseek-secret-value",
            new RuntimeException("cause says " + TOKEN));

    for (boolean verbose : List.of(false, true)) {
      Reported r = handle(e, verbose, env);
      assertThat(r.err())
          .contains("this is a bug")
          .contains("***")
          .doesNotContain(TOKEN)
          .doesNotContain("sk-deepseek-secret-value");
    }
  }

  @Test
  void a_user_mistake_is_its_message_alone_with_exit_1() {
    Reported r =
        handle(new WendaException("question file not found: /tmp/q.jsonl"), false, Map.of());

    assertThat(r.exit()).isEqualTo(Main.ERROR);
    assertThat(r.err())
        .isEqualTo("wenda: question file not found: /tmp/q.jsonl" + System.lineSeparator());
  }

  @Test
  void an_unknown_key_is_a_user_error_naming_the_key() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Path.of("/nonexistent.yaml"), false, Map.of(), List.of("serch.k=3")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.key()).contains("serch.k"));

    Run r = run("--set", "serch.k=3", "retrieve", "--questions", "q.jsonl");

    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .contains("'serch.k'")
        .contains("did you mean 'search.k'")
        .doesNotContain("bug");
  }

  @Test
  void a_bad_option_value_is_a_usage_error_naming_the_option_and_the_value() throws Exception {
    Path q =
        Files.writeString(home.resolve("one.jsonl"), "{\"id\":\"1\",\"question\":\"秘书处设在哪里\"}\n");

    Run k = run("retrieve", "--questions", q.toString(), "--k", "500");
    Run mode = run("retrieve", "--questions", q.toString(), "--mode", "fuzzy");

    assertThat(k.exit()).isEqualTo(Main.USAGE);
    assertThat(k.err())
        .contains("--k must be between 1 and 100, but is: 500")
        .doesNotContain("bug");
    assertThat(mode.exit()).isEqualTo(Main.USAGE);
    assertThat(mode.err()).contains("--mode must be one of [hybrid, bm25, vector], but is: fuzzy");
    assertThat(k.out()).isEmpty();
  }

  @Test
  void a_solr_backend_without_hosts_is_a_configuration_error_naming_the_keys() {
    Run r = run("--set", "retrieval.backend=solr", "retrieve", "--questions", "q.jsonl");

    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err())
        .contains("solr.zk-hosts")
        .contains("solr.urls")
        .contains("--set retrieval.backend=solr")
        .doesNotContain("bug");
  }

  @Test
  void a_collection_name_solr_would_refuse_is_a_configuration_error() {
    Run r = run("--set", "solr.collection=my docs", "retrieve", "--questions", "q.jsonl");

    assertThat(r.exit()).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("solr.collection").contains("\"my docs\"").doesNotContain("bug");
  }

  private record Reported(int exit, String err) {}

  private static Reported handle(Exception e, boolean verbose, Map<String, String> env) {
    StringWriter err = new StringWriter();
    int exit = Main.handle(e, verbose, new PrintWriter(err, true), env);
    return new Reported(exit, err.toString());
  }
}
