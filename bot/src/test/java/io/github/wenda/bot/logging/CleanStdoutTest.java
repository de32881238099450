package io.github.wenda.bot.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import io.github.wenda.bot.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 15 item 6: logging never writes to stdout and never creates folders in the working
 * directory.
 */
class CleanStdoutTest {
  @TempDir Path tmp;

  @Test
  void
      retrieve_prints_only_jsonl_when_the_log_folder_cannot_be_created_and_leaves_the_working_directory_empty()
          throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Path corpus = Files.createDirectories(home.resolve("corpus"));
    Files.writeString(corpus.resolve("sco.txt"), "上海合作组织于2001年6月15日在上海宣告成立。秘书处设在北京。\n");
    Path questions =
        Files.writeString(tmp.resolve("q.jsonl"), "{\"id\":\"q1\",\"question\":\"秘书处设在哪里？\"}\n");
    // A regular file where the log folder should be: the log file cannot be created, even by root
    // (for whom a read-only folder is still writable).
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("logs"), "x");
    Path cwd = Files.createDirectories(tmp.resolve("cwd"));

    List<String> cmd =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                "-Dwenda.home=" + home,
                Main.class.getName(),
                "--set",
                "data.dir=" + data,
                "--set",
                "index.dir=" + tmp.resolve("index"),
                "retrieve",
                "--questions",
                questions.toString(),
                "--mode",
                "bm25",
                "--k",
                "1"));
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).start();
    byte[] stdout = p.getInputStream().readAllBytes();
    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();

    String out = new String(stdout, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as("stderr: %s", stderr).isZero();
    assertThat(out.lines().toList())
        .hasSize(1)
        .allSatisfy(line -> assertThat(line).startsWith("{").contains("\"q1\""));
    assertThat(out).doesNotContain("logback").doesNotContain("|-");
    assertThat(stderr).doesNotContain("|-ERROR").doesNotContain("|-INFO");
    try (Stream<Path> left = Files.list(cwd)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void a_log_folder_that_cannot_be_opened_prints_nothing_on_stdout() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Path blocker = Files.writeString(tmp.resolve("file"), "x");
    PrintStream savedOut = System.out;
    PrintStream savedErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      LogSetup.apply(context, Optional.of(blocker.resolve("logs")), false);
      LoggerFactory.getLogger("test").warn("a warning for the console");
      LoggerFactory.getLogger("test").info("an info line for the file only");
    } finally {
      System.setOut(savedOut);
      System.setErr(savedErr);
      LogSetup.apply(context, Optional.empty(), false);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("WARN  test: a warning for the console\n");
    assertThat(blocker).isRegularFile();
  }

  @Test
  void the_log_file_goes_under_the_given_folder_with_info_lines() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Path logs = tmp.resolve("data/logs");
    try {
      LogSetup.apply(context, Optional.of(logs), false);
      LoggerFactory.getLogger("test").info("kept in the file");
    } finally {
      LogSetup.apply(context, Optional.empty(), false);
    }
    assertThat(Files.readString(logs.resolve("wenda.log")))
        .contains("INFO  [")
        .contains("kept in the file");
  }

  @Test
  void logback_finds_the_programmatic_configurator_and_no_xml_is_shipped() {
    assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
        .contains(WendaLogConfigurator.class);
    assertThat(getClass().getResource("/logback.xml")).isNull();
  }
}
