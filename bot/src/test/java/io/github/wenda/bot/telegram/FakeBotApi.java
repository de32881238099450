package io.github.wenda.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A fake Telegram Bot API on 127.0.0.1 for tests: every call is {@code POST /bot<token>/<method>}
 * (method matched ignoring case) with a JSON body; it serves scripted updates to getUpdates
 * (honouring offset, holding the poll briefly), answers sends with message objects, records every
 * call, and can be scripted to fail a method with 429, 5xx or anything else.
 */
final class FakeBotApi implements AutoCloseable {
  static final String TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl";
  static final long BOT_ID = 42;
  static final String BOT_NAME = "wenda_bot";

  /**
   * Status a scripted or chaotic call gets to make the server drop the connection without
   * answering.
   */
  static final int RESET = -1;

  /** One recorded call, with the status it was answered with ({@link #RESET}: none). */
  record Call(String method, JsonNode body, long nanos, int status) {
    boolean delivered() {
      return status == 200;
    }

    String text() {
      return body.path("text").asText();
    }

    long chatId() {
      return body.path("chat_id").asLong();
    }
  }

  private record Scripted(int status, String body) {}

  private static final Scripted TOO_MANY =
      new Scripted(
          429,
          "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}");

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fake-bot-api");
            t.setDaemon(true);
            return t;
          });
  private final List<Call> calls = new ArrayList<>();
  // Decides per call (by lower-case method name) a status to fake: 0 for none, RESET to drop it.
  private volatile java.util.function.ToIntFunction<String> chaos = method -> 0;

  // Served as written, so tests can serve updates that are not valid Bot API objects (or JSON).
  private record RawUpdate(int id, String json) {}

  private final List<RawUpdate> updates = new ArrayList<>();
  private final Map<String, Deque<Scripted>> scripted = new HashMap<>();
  // Per chat, its messages by id in the order sent, each with its latest text: what the user sees.
  private final Map<Long, Map<Integer, String>> screens = new HashMap<>();
  private final String acceptedToken;
  private int nextUpdateId = 1;
  private int nextMessageId = 1000;

  FakeBotApi() throws IOException {
    this(TOKEN);
  }

  FakeBotApi(String acceptedToken) throws IOException {
    this.acceptedToken = acceptedToken;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  // ---- scripting

  /** The next {@code times} calls of {@code method} get this status and body. */
  synchronized void fail(String method, int times, int status, String body) {
    // status RESET drops the connection instead of answering
    Deque<Scripted> q =
        scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), k -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      q.add(new Scripted(status, body));
    }
  }

  /**
   * From now on, each call gets the status {@code chaos} picks for its method (0: served normally).
   */
  void chaos(java.util.function.ToIntFunction<String> chaos) {
    this.chaos = chaos;
  }

  void tooManyRequests(String method, int retryAfter) {
    fail(
        method,
        1,
        429,
        "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
            + retryAfter
            + "\",\"parameters\":{\"retry_after\":"
            + retryAfter
            + "}}");
  }

  synchronized int privateText(long chatId, long userId, String text) {
    return push(update(message(chatId, "private", userId, text, "en")));
  }

  synchronized int groupText(long chatId, long userId, String text) {
    return push(update(message(chatId, "supergroup", userId, text, "en")));
  }

  synchronized int groupReplyToBot(long chatId, long userId, String text) {
    ObjectNode m = message(chatId, "supergroup", userId, text, "en");
    ObjectNode replied = message(chatId, "supergroup", BOT_ID, "an earlier answer", "en");
    ((ObjectNode) replied.get("from")).put("is_bot", true).put("username", BOT_NAME);
    m.set("reply_to_message", replied);
    return push(update(m));
  }

  /**
   * A photo in a private chat, with {@code caption} (none when null), as a phone sends it: no text
   * field.
   */
  synchronized int privatePhoto(long chatId, long userId, String caption) {
    ObjectNode m = message(chatId, "private", userId, null, "en");
    ObjectNode size = m.putArray("photo").addObject();
    size.put("file_id", "photo-" + m.get("message_id"))
        .put("file_unique_id", "u" + m.get("message_id"))
        .put("width", 90)
        .put("height", 60)
        .put("file_size", 1234);
    if (caption != null) {
      m.put("caption", caption);
    }
    return push(update(m));
  }

  /** A sticker, in a private chat or a group ({@code type} "private" or "supergroup"). */
  synchronized int sticker(long chatId, String type, long userId) {
    ObjectNode m = message(chatId, type, userId, null, "en");
    m.putObject("sticker")
        .put("file_id", "sticker-" + m.get("message_id"))
        .put("file_unique_id", "s" + m.get("message_id"))
        .put("type", "regular")
        .put("width", 512)
        .put("height", 512)
        .put("is_animated", false)
        .put("is_video", false)
        .put("emoji", "👍");
    return push(update(m));
  }

  synchronized int callback(long chatId, long userId, int messageId, String data) {
    ObjectNode q = JSON.createObjectNode();
    q.put("id", "cb" + nextUpdateId);
    q.set("from", user(userId, "en"));
    ObjectNode m = message(chatId, "private", BOT_ID, "answer", "en");
    m.put("message_id", messageId);
    q.set("message", m);
    q.put("chat_instance", "ci");
    q.put("data", data);
    ObjectNode u = JSON.createObjectNode();
    u.set("callback_query", q);
    return push(u);
  }

  private int push(ObjectNode u) {
    int id = nextUpdateId++;
    u.put("update_id", id);
    updates.add(new RawUpdate(id, u.toString()));
    notifyAll();
    return id;
  }

  /**
   * Serves {@code jsonWithId} as an update, verbatim after replacing {@code $ID} with the next
   * update id: for updates with fields of the wrong type, or broken JSON.
   */
  synchronized int rawUpdate(String jsonWithId) {
    int id = nextUpdateId++;
    updates.add(new RawUpdate(id, jsonWithId.replace("$ID", Integer.toString(id))));
    notifyAll();
    return id;
  }

  /**
   * A private text message as a JSON string with {@code $ID} for its update id, to be spoiled by a
   * test.
   */
  synchronized String privateTextJson(long chatId, long userId, String text) {
    ObjectNode u = update(message(chatId, "private", userId, text, "en"));
    return u.toString().replaceFirst("^\\{", "{\"update_id\":\\$ID,");
  }

  private static ObjectNode update(ObjectNode message) {
    ObjectNode u = JSON.createObjectNode();
    u.set("message", message);
    return u;
  }

  private ObjectNode message(long chatId, String type, long userId, String text, String lang) {
    ObjectNode m = JSON.createObjectNode();
    m.put("message_id", nextMessageId++);
    m.put("date", 1_700_000_000);
    ObjectNode chat = m.putObject("chat");
    chat.put("id", chatId).put("type", type);
    m.set("from", user(userId, lang));
    if (text != null) {
      m.put("text", text);
    }
    return m;
  }

  private static ObjectNode user(long id, String lang) {
    ObjectNode u = JSON.createObjectNode();
    u.put("id", id).put("is_bot", false).put("first_name", "U" + id).put("language_code", lang);
    return u;
  }

  // ---- inspection

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method.equalsIgnoreCase(method)).toList();
  }

  /** Waits until the calls satisfy {@code done}; fails the test after {@code timeout}. */
  synchronized List<Call> await(Predicate<List<Call>> done, Duration timeout, String what)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!done.test(calls)) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "timed out waiting for "
                + what
                + "; calls: "
                + calls.stream().map(Call::method).toList());
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return List.copyOf(calls);
  }

  // ---- serving

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      byte[] raw = ex.getRequestBody().readAllBytes();
      if (!"POST".equals(ex.getRequestMethod()) || !path.startsWith("/bot")) {
        respond(ex, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        return;
      }
      String[] parts = path.substring(4).split("/");
      String token = parts[0];
      String method = parts[parts.length - 1];
      if (!token.equals(acceptedToken)) {
        respond(ex, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        return;
      }
      JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
      String key = method.toLowerCase(Locale.ROOT);
      Scripted s;
      synchronized (this) {
        Deque<Scripted> q = scripted.get(key);
        s = q == null ? null : q.poll();
        if (s == null) {
          int faked = chaos.applyAsInt(key);
          s =
              faked == 0
                  ? null
                  : faked == 429 ? TOO_MANY : new Scripted(faked, "<html>" + faked + "</html>");
        }
        calls.add(new Call(method, body, System.nanoTime(), s == null ? 200 : s.status));
        notifyAll();
      }
      if (s != null && s.status == RESET) {
        return; // closing the exchange unanswered: the client sees the connection drop
      }
      if (s != null) {
        respond(ex, s.status, s.body);
        return;
      }
      respond(ex, 200, "{\"ok\":true,\"result\":" + result(key, body) + "}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String result(String method, JsonNode body) throws InterruptedException, IOException {
    switch (method) {
      case "getme":
        return "{\"id\":"
            + BOT_ID
            + ",\"is_bot\":true,\"first_name\":\"Wenda\",\"username\":\""
            + BOT_NAME
            + "\"}";
      case "getupdates":
        return pollUpdates(body.path("offset").asInt(0), body.path("timeout").asInt(0));
      case "sendmessage":
      case "editmessagetext":
        {
          ObjectNode m = JSON.createObjectNode();
          synchronized (this) {
            m.put(
                "message_id",
                body.has("message_id") ? body.get("message_id").asInt() : nextMessageId++);
            screens
                .computeIfAbsent(
                    body.path("chat_id").asLong(), k -> new java.util.LinkedHashMap<>())
                .put(m.get("message_id").asInt(), body.path("text").asText());
          }
          m.put("date", 1_700_000_000);
          m.putObject("chat").put("id", body.path("chat_id").asLong()).put("type", "private");
          m.put("text", body.path("text").asText());
          return JSON.writeValueAsString(m);
        }
      default:
        return "true";
    }
  }

  private synchronized String pollUpdates(int offset, int timeoutSeconds)
      throws InterruptedException {
    updates.removeIf(u -> u.id() < offset); // the offset confirms earlier updates, as Telegram does
    long end =
        System.nanoTime() + Duration.ofMillis(Math.min(timeoutSeconds * 1000L, 300)).toNanos();
    while (updates.isEmpty() && System.nanoTime() < end) {
      wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
    }
    return "[" + String.join(",", updates.stream().limit(100).map(RawUpdate::json).toList()) + "]";
  }

  /**
   * What a chat shows now: the bot's messages in the order sent, each with its latest text (edits
   * applied).
   */
  synchronized List<String> screen(long chatId) {
    return List.copyOf(screens.getOrDefault(chatId, Map.of()).values());
  }

  /** Updates not yet confirmed by a getUpdates offset. */
  synchronized int unconfirmed() {
    return updates.size();
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders()
        .set(
            "Content-Type",
            status >= 500 && !body.startsWith("{") ? "text/html" : "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
