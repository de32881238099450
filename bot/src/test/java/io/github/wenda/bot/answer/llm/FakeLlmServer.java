package io.github.wenda.bot.answer.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted chat server on 127.0.0.1 speaking both OpenAI's {@code POST /v1/chat/completions}
 * (JSON, or SSE when {@code "stream": true}) and Ollama's {@code POST /api/chat} (JSON, or NDJSON
 * lines when streaming). Each request takes the next queued {@link Script}; requests are recorded.
 */
public final class FakeLlmServer implements AutoCloseable {
  private static final int DROP = -1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ConcurrentLinkedDeque<Script> scripts = new ConcurrentLinkedDeque<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  /** What the server does with one request. */
  public record Script(
      int status,
      String body,
      List<String> tokens,
      long delayMillis,
      long tokenGapMillis,
      String finish) {
    public Script(
        int status, String body, List<String> tokens, long delayMillis, long tokenGapMillis) {
      this(status, body, tokens, delayMillis, tokenGapMillis, "stop");
    }

    /** Replies {@code text} but says the length limit cut it ({@code finish_reason: length}). */
    public static Script lengthLimited(String text) {
      return new Script(200, null, chunks(text), 0, 0, "length");
    }

    /** Streams {@code text}, then closes the connection without a finish reason or end marker. */
    public static Script cutOff(String text) {
      return new Script(200, null, chunks(text), 0, 0, null);
    }

    /** Replies {@code text} after no delay; streamed as one token per character pair. */
    public static Script reply(String text) {
      return new Script(200, null, chunks(text), 0, 0);
    }

    /** Streams {@code tokens} with {@code gapMillis} between them. */
    public static Script tokens(long gapMillis, String... tokens) {
      return new Script(200, null, List.of(tokens), 0, gapMillis);
    }

    /** Answers with HTTP {@code status} and {@code body}. */
    public static Script status(int status, String body) {
      return new Script(status, body, List.of(), 0, 0);
    }

    /**
     * Answers 200 with {@code body} as it is, streaming or not: a broken proxy or a confused
     * server.
     */
    public static Script garbage(String body) {
      return new Script(200, body, List.of(), 0, 0);
    }

    /** Reads the request, then drops the connection without a response. */
    public static Script drop() {
      return new Script(DROP, null, List.of(), 0, 0);
    }

    /** Says nothing for {@code millis}, then replies {@code text}. */
    public static Script slow(long millis, String text) {
      return new Script(200, null, chunks(text), millis, 0);
    }

    String text() {
      return String.join("", tokens);
    }

    private static List<String> chunks(String text) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < text.length(); i += 2) {
        out.add(text.substring(i, Math.min(text.length(), i + 2)));
      }
      return out;
    }
  }

  /** A request as received: path, headers (lower-case names) and JSON body. */
  public record Recorded(String path, Map<String, List<String>> headers, JsonNode body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All message contents, joined, as the model would read them. */
    public String prompt() {
      StringBuilder b = new StringBuilder();
      body.path("messages").forEach(m -> b.append(m.path("content").asText()).append('\n'));
      return b.toString();
    }
  }

  private FakeLlmServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", e -> handle(e, true));
    server.createContext("/api/chat", e -> handle(e, false));
    server.setExecutor(threads);
    server.start();
  }

  public static FakeLlmServer start() {
    try {
      return new FakeLlmServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start fake LLM server", e);
    }
  }

  /** Queues scripts for the next requests, in order. */
  public FakeLlmServer then(Script... next) {
    scripts.addAll(List.of(next));
    return this;
  }

  public String openAiBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public String ollamaBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public Recorded lastRequest() {
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
    // Interrupts handlers still sleeping for a timeout scenario.
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange, boolean openAi) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      JsonNode body = JSON.readTree(raw.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : raw);
      Map<String, List<String>> headers = new java.util.HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
      requests.add(new Recorded(exchange.getRequestURI().getPath(), headers, body));
      Script script = scripts.poll();
      if (script == null) {
        script = Script.status(500, "{\"error\":\"no script left\"}");
      }
      sleep(script.delayMillis());
      if (script.status() == DROP) {
        return; // the exchange closes unanswered
      }
      if (script.status() == 200 && script.body() != null) {
        send(exchange, 200, "application/json", script.body());
        return;
      }
      if (script.status() != 200) {
        send(exchange, script.status(), "application/json", script.body());
        return;
      }
      String model = body.path("model").asText("fake");
      boolean stream = body.path("stream").asBoolean(false);
      if (!stream) {
        send(
            exchange,
            200,
            "application/json",
            openAi
                ? openAiMessage(
                    model, script.text(), script.finish() == null ? "length" : script.finish())
                : ollamaMessage(
                    model,
                    script.text(),
                    true,
                    script.finish() == null ? "length" : script.finish()));
        return;
      }
      exchange
          .getResponseHeaders()
          .set("Content-Type", openAi ? "text/event-stream" : "application/x-ndjson");
      exchange.sendResponseHeaders(200, 0); // chunked
      OutputStream out = exchange.getResponseBody();
      boolean first = true;
      for (String token : script.tokens()) {
        if (!first) {
          sleep(script.tokenGapMillis());
        }
        first = false;
        write(
            out,
            openAi
                ? "data: " + openAiChunk(model, token, null) + "\n\n"
                : ollamaMessage(model, token, false, null) + "\n");
      }
      if (script.finish() == null) {
        return; // cut off: no finish reason, no end marker
      }
      write(
          out,
          openAi
              ? "data: " + openAiChunk(model, null, script.finish()) + "\n\ndata: [DONE]\n\n"
              : ollamaMessage(model, "", true, script.finish()) + "\n");
    } catch (IOException | RuntimeException e) {
      // The client gave up (timeout test) or the server is closing; nothing to report.
    }
  }

  private static String openAiMessage(String model, String text, String finish) {
    ObjectNode root =
        JSON.createObjectNode()
            .put("id", "chatcmpl-fake")
            .put("object", "chat.completion")
            .put("created", 1_700_000_000L)
            .put("model", model);
    ObjectNode choice =
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", finish);
    choice.putObject("message").put("role", "assistant").put("content", text);
    root.putObject("usage")
        .put("prompt_tokens", 10)
        .put("completion_tokens", 5)
        .put("total_tokens", 15);
    return root.toString();
  }

  private static String openAiChunk(String model, String token, String finishReason) {
    ObjectNode root =
        JSON.createObjectNode()
            .put("id", "chatcmpl-fake")
            .put("object", "chat.completion.chunk")
            .put("created", 1_700_000_000L)
            .put("model", model);
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (token != null) {
      delta.put("role", "assistant").put("content", token);
    }
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    return root.toString();
  }

  private static String ollamaMessage(String model, String text, boolean done, String finish) {
    ObjectNode root =
        JSON.createObjectNode()
            .put("model", model)
            .put("created_at", "2025-01-01T00:00:00.000000Z");
    root.putObject("message").put("role", "assistant").put("content", text);
    root.put("done", done);
    if (done) {
      root.put("done_reason", finish)
          .put("total_duration", 1000)
          .put("prompt_eval_count", 10)
          .put("eval_count", 5);
    }
    return root.toString();
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = (body == null ? "" : body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("server closing");
    }
  }
}
