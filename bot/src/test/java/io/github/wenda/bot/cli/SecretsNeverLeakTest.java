package io.github.wenda.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot token and the LLM key, given only in the environment, never appear in any log event
 * (every logger at TRACE, OFF ones included), on stdout or stderr (with {@code --verbose} stack
 * traces), or in any file under the Wenda folder, even when the servers echo them back in errors.
 */
class SecretsNeverLeakTest {
  static final String TOKEN = "7364519823:AAHq4kX_secretTokenPart-9zYwVuT";
  static final String TOKEN_TAIL = "secretTokenPart";
  static final String KEY = "sk-proj-LEAKCANARY0123456789abcdef";

  @TempDir static Path home;
  private static String previousHome;

  record Run(int exit, String out, String err, String logs, String console) {
    String everything() {
      return String.join("\n", out, err, logs, console);
    }
  }

  @BeforeAll
  static void home() throws Exception {
    previousHome = System.getProperty("wenda.home");
    System.setProperty("wenda.home", home.toString());
    Path corpus = Files.createDirectories(home.resolve("corpus"));
    Files.writeString(
        corpus.resolve("sco.txt"), "上海合作组织于2001年6月15日在上海宣告成立。秘书处设在北京。\n\n上合组织农业合作示范区设在陕西杨凌。\n");
    assertThat(
            Main.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                Map.of(),
                "index"))
        .isZero();
  }

  @AfterAll
  static void restore() {
    if (previousHome == null) {
      System.clearProperty("wenda.home");
    } else {
      System.setProperty("wenda.home", previousHome);
    }
  }

  private static Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try (LogCapture capture = new LogCapture()) {
      int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
      assertThat(capture.eventCount()).as("log events captured").isPositive();
      return new Run(exit, out.toString(), err.toString(), capture.logs(), capture.console());
    }
  }

  private static void assertNoSecretAnywhere(Run r) throws IOException {
    for (String secret : List.of(TOKEN, TOKEN_TAIL, KEY)) {
      assertThat(r.everything()).as("output and logs").doesNotContain(secret);
      try (Stream<Path> files = Files.walk(home)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
              .as(f.toString())
              .doesNotContain(secret);
        }
      }
    }
  }

  /**
   * A server that answers each request with the next scripted reaction, echoing what it was sent.
   */
  private static final class EchoingServer implements AutoCloseable {
    enum Reaction {
      UNAUTHORIZED,
      SERVER_ERROR,
      RESET
    }

    final HttpServer server;
    final ConcurrentLinkedDeque<Reaction> script = new ConcurrentLinkedDeque<>();
    final List<String> received = java.util.Collections.synchronizedList(new ArrayList<>());

    EchoingServer(Reaction... reactions) throws IOException {
      script.addAll(List.of(reactions));
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", this::handle);
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
      String echo = ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("Authorization");
      received.add(echo);
      ex.getRequestBody().readAllBytes();
      Reaction r = script.isEmpty() ? Reaction.UNAUTHORIZED : script.poll();
      if (r == Reaction.RESET) {
        ex.close(); // no status line: the client sees the connection drop
        return;
      }
      int status = r == Reaction.UNAUTHORIZED ? 401 : 500;
      String quoted = echo.replace("\"", "'");
      String body =
          "{\"ok\":false,\"error_code\":"
              + status
              + ",\"description\":\"Unauthorized: "
              + quoted
              + "\",\"error\":{\"message\":\"Incorrect API key provided: "
              + quoted
              + "\"}}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  @Test
  void the_bot_token_stays_secret_through_server_errors_a_reset_connection_and_a_rejection()
      throws Exception {
    try (EchoingServer api =
        new EchoingServer(
            EchoingServer.Reaction.SERVER_ERROR,
            EchoingServer.Reaction.RESET,
            EchoingServer.Reaction.UNAUTHORIZED)) {
      Run r =
          run(
              Map.of("TELEGRAM_BOT_TOKEN", TOKEN),
              "--verbose",
              "--set",
              "telegram.api-url=" + api.url(),
              "telegram");

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("rejected the bot token").contains("401");
      assertThat(api.received)
          .hasSize(3)
          .allMatch(request -> request.contains(TOKEN)); // it was really used
      assertNoSecretAnywhere(r);
    }
  }

  @Test
  void the_llm_key_stays_secret_when_the_server_refuses_it_fails_or_is_unreachable()
      throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    try (EchoingServer llm =
        new EchoingServer(
            EchoingServer.Reaction.UNAUTHORIZED,
            EchoingServer.Reaction.SERVER_ERROR,
            EchoingServer.Reaction.RESET)) {
      for (String url :
          List.of(
              llm.url() + "/v1",
              llm.url() + "/v1",
              llm.url() + "/v1",
              "http://127.0.0.1:" + deadPort + "/v1")) {
        Run r =
            run(
                Map.of("OPENAI_API_KEY", KEY),
                "--verbose",
                "--set",
                "answer.mode=llm",
                "--set",
                "llm.base-url=" + url,
                "--set",
                "llm.model=fake-model",
                "--set",
                "llm.timeout-seconds=5",
                "ask",
                "上合组织农业合作示范区在哪里？");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("杨凌").contains("LLM unavailable");
        assertNoSecretAnywhere(r);
      }
      assertThat(llm.received)
          .isNotEmpty()
          .allMatch(request -> request.contains(KEY)); // it was really sent
    }
  }

  @Test
  void a_missing_token_stops_before_anything_starts() throws Exception {
    Run r = run(Map.of("OPENAI_API_KEY", KEY), "telegram");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("TELEGRAM_BOT_TOKEN is not set");
    assertNoSecretAnywhere(r);
  }
}
