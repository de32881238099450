package io.github.wenda.bot.telegram;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Reads a getUpdates answer one update at a time, so one update that cannot be read (a field of the
 * wrong type, broken JSON) is skipped with its id and reason while the rest are answered.
 * TelegramBots reads the whole batch or nothing, and polling then retries the same batch forever.
 */
final class UpdatesResponse {
  private static final Pattern UPDATE_ID = Pattern.compile("\"update_id\"\\s*:\\s*(\\d{1,18})");
  static final ObjectMapper JSON =
      JsonMapper.builder()
          // Telegram adds fields over time; an unknown one is no reason to drop an update.
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .build();

  /** What getUpdates answered. */
  sealed interface Result {}

  /**
   * Updates read, and those skipped. {@code lastId} is the highest update id seen, readable or not:
   * the next offset moves past it.
   */
  record Batch(List<Read> updates, List<Skipped> skipped, long lastId) implements Result {}

  /**
   * Telegram (or a proxy) said no; {@code retryAfterSeconds} is Telegram's {@code
   * parameters.retry_after}.
   */
  record Failed(int errorCode, String description, Optional<Integer> retryAfterSeconds)
      implements Result {}

  /** One readable update, with its JSON as sent (for the journal). */
  record Read(long updateId, JsonNode json, Update update) {}

  /** An update that could not be read; {@code updateId} 0 when even that was unreadable. */
  record Skipped(long updateId, String reason) {}

  private UpdatesResponse() {}

  /** Reads {@code body}, an answer with HTTP {@code status}. */
  static Result parse(int status, String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (Exception e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      if (status == 200 && body.contains("\"result\"")) {
        return salvage(body); // broken JSON somewhere: read the updates one by one
      }
      return new Failed(
          status, "HTTP " + status + ", not a Bot API answer: " + clip(body), Optional.empty());
    }
    if (!root.path("ok").asBoolean(false)) {
      JsonNode after = root.path("parameters").path("retry_after");
      return new Failed(
          root.path("error_code").asInt(status),
          root.path("description").asText("HTTP " + status),
          after.canConvertToInt() && after.asInt() > 0
              ? Optional.of(after.asInt())
              : Optional.empty());
    }
    JsonNode result = root.path("result");
    if (!result.isArray()) {
      return new Failed(
          status, "getUpdates result is not a list: " + clip(result.toString()), Optional.empty());
    }
    List<Read> read = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    long last = 0;
    for (JsonNode element : result) {
      last = Math.max(last, one(element, element.toString(), read, skipped));
    }
    return new Batch(read, skipped, last);
  }

  /** Adds the update to {@code read} or {@code skipped}; returns its id (0 when none). */
  private static long one(JsonNode element, String raw, List<Read> read, List<Skipped> skipped) {
    long id =
        element != null
                && element.path("update_id").canConvertToLong()
                && element.path("update_id").isIntegralNumber()
            ? element.path("update_id").asLong()
            : idIn(raw);
    if (id <= 0) {
      skipped.add(new Skipped(0, "no update_id in " + clip(raw)));
      return 0;
    }
    if (element == null) {
      skipped.add(new Skipped(id, "not valid JSON: " + clip(raw)));
      return id;
    }
    try {
      Update u = JSON.treeToValue(element, Update.class);
      read.add(new Read(id, element, u));
    } catch (Exception e) {
      skipped.add(new Skipped(id, firstLine(e.getMessage())));
    }
    return id;
  }

  /** Converts an update kept in the journal. */
  static Optional<Update> update(JsonNode json) {
    try {
      return Optional.of(JSON.treeToValue(json, Update.class));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * Splits the {@code result} array's elements by bracket depth (outside strings) and reads each on
   * its own: the elements around a broken one are still whole JSON objects.
   */
  private static Batch salvage(String body) {
    List<Read> read = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    long last = 0;
    int i = body.indexOf('[', body.indexOf("\"result\""));
    if (i < 0) {
      return new Batch(read, skipped, 0);
    }
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (i = i + 1; i < body.length(); i++) {
      char c = body.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (depth++ == 0) {
          start = i;
        }
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          break; // the end of the result array
        }
        if (--depth == 0) {
          last = Math.max(last, element(body.substring(start, i + 1), read, skipped));
          start = -1;
        }
      }
    }
    if (start >= 0) { // cut off inside an element
      last = Math.max(last, element(body.substring(start), read, skipped));
    }
    return new Batch(read, skipped, last);
  }

  private static long element(String raw, List<Read> read, List<Skipped> skipped) {
    JsonNode node;
    try (JsonParser p = JSON.createParser(raw)) {
      node = JSON.readTree(p);
      if (p.nextToken() != null) {
        node = null; // trailing garbage: not one object
      }
    } catch (Exception e) {
      node = null;
    }
    return one(node, raw, read, skipped);
  }

  private static long idIn(String raw) {
    Matcher m = UPDATE_ID.matcher(raw);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return clip(nl < 0 ? s : s.substring(0, nl));
  }

  private static String clip(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
