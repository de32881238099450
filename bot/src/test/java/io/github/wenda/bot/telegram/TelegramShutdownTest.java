package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.cli.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real bot JVM: polling stops, the answer in flight is sent, the JVM exits 0 promptly.
 */
class TelegramShutdownTest {
  @TempDir Path dir;

  @Test
  void sigterm_finishes_the_answer_in_flight_and_exits_zero() throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  TelegramChildBot.class.getName(),
                  api.url().toString(),
                  "1500",
                  dir.resolve("f.jsonl").toString())
              .redirectErrorStream(true)
              .start();
      try {
        BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
          // skip start-up output
        }
        assertThat(line).isEqualTo("READY");
        api.privateText(5, 5, "answer me while stopping");
        api.await(
            calls -> calls.stream().anyMatch(c -> c.method().equalsIgnoreCase("sendChatAction")),
            Duration.ofSeconds(10),
            "the answer to start");

        long t0 = System.nanoTime();
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("child exited").isTrue();
        long ms = (System.nanoTime() - t0) / 1_000_000;

        assertThat(child.exitValue()).isZero();
        assertThat(api.calls("sendMessage")).hasSize(1);
        assertThat(api.calls("sendMessage").get(0).text()).contains("answer me while stopping");
        System.out.printf("SIGTERM with a 1.5 s answer in flight: exit 0 after %d ms%n", ms);
        assertThat(ms).isLessThan(5000);
      } finally {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void a_missing_token_is_a_usage_error() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TELEGRAM_BOT_TOKEN") == null);
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "--set",
            "data.dir=" + dir,
            "telegram");
    assertThat(code).isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("TELEGRAM_BOT_TOKEN is not set").contains("@BotFather");
  }
}
