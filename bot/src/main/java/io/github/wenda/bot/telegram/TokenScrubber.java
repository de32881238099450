package io.github.wenda.bot.telegram;

import java.util.regex.Pattern;

/**
 * Removes bot tokens from text bound for logs and error messages. Library and OkHttp exceptions
 * may carry the request URL, and that URL contains {@code /bot<token>/}.
 */
final class TokenScrubber {
  /** Anything shaped like a token ({@code 123456:ABC-…}), and the path segment carrying one. */
  private static final Pattern TOKEN = Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{20,}");
  private static final Pattern BOT_SEGMENT = Pattern.compile("/bot[^/\\s]+/");

  private static volatile String known = "";

  private TokenScrubber() {}

  /** Also scrub this exact token (the one in use, whatever its shape). */
  static void register(String token) {
    known = token == null ? "" : token;
  }

  static String scrub(String text) {
    if (text == null) {
      return "";
    }
    String k = known;
    String s = k.isEmpty() ? text : text.replace(k, "***");
    s = BOT_SEGMENT.matcher(s).replaceAll("/bot***/");
    return TOKEN.matcher(s).replaceAll("***");
  }

  /** One line naming the exception and its causes, scrubbed: what the bot logs instead of stack traces. */
  static String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null && b.length() < 1000; c = c.getCause()) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(c.getClass().getSimpleName());
      if (c.getMessage() != null) {
        b.append(": ").append(c.getMessage());
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return scrub(b.toString());
  }
}
