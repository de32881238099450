package io.github.wenda.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A broken settings file stops every command with exit 2 and one line naming the file, line and
 * key, before anything starts: no index, no log folder, no call to Telegram, nothing on stdout.
 */
class ConfigErrorsStopStartupTest {
  @TempDir Path home;
  private String previousHome;
  private HttpServer telegram;
  private final AtomicInteger telegramCalls = new AtomicInteger();

  @BeforeEach
  void home() throws Exception {
    previousHome = System.getProperty("wenda.home");
    System.setProperty("wenda.home", home.toString());
    Files.createDirectories(home.resolve("corpus"));
    Files.writeString(home.resolve("corpus/a.txt"), "上海合作组织成立于2001年。\n");
    telegram = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    telegram.createContext(
        "/",
        ex -> {
          telegramCalls.incrementAndGet();
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    telegram.start();
  }

  @AfterEach
  void restore() {
    telegram.stop(0);
    if (previousHome == null) {
      System.clearProperty("wenda.home");
    } else {
      System.setProperty("wenda.home", previousHome);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "malformed YAML | 'search:\n  k: 5\n mode: bm25\n' | 3 | not valid YAML",
        "unknown key    | 'search:\n  k: 5\nserch:\n  mode: bm25\n' | 4 | 'serch.mode'",
        "wrong type     | 'answer:\n  mode: extractive\nsearch:\n  k: five\n' | 4 | search.k",
        "out of range   | 'telegram:\n  workers: 0\n' | 2 | telegram.workers"
      })
  void a_broken_settings_file_exits_2_naming_file_line_and_key_and_starts_nothing(
      String what, String yaml, int line, String named) throws Exception {
    Path file = home.resolve("broken.yaml");
    Files.writeString(file, yaml.replace("\\n", "\n"));
    String url = "http://127.0.0.1:" + telegram.getAddress().getPort();

    for (String[] command : new String[][] {{"telegram"}, {"ask", "上合组织？"}, {"index"}}) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit =
          Main.run(
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              Map.of(
                  "TELEGRAM_BOT_TOKEN",
                  "123456789:AAHsecretsecretsecretsecret",
                  "WENDA_TELEGRAM_API_URL",
                  url),
              concat(new String[] {"--config", file.toString()}, command));

      assertThat(exit).as(command[0] + ": " + err).isEqualTo(2);
      assertThat(err.toString().strip())
          .as(command[0])
          .doesNotContain("\n")
          .contains(file + ":" + line)
          .contains(named);
      assertThat(out.toString()).as(command[0]).isEmpty();
    }
    assertThat(home.resolve(".wenda")).as("index, logs or data").doesNotExist();
    assertThat(telegramCalls).hasValue(0);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
