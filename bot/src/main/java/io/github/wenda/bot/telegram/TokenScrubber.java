package io.github.wenda.bot.telegram;

import java.util.regex.Pattern;

/**
 * Removes bot tokens from text bound for logs and error messages. Library and OkHttp exceptions may
 * carry the request URL, and that URL contains {@code /bot<token>/}. Each bot has its own scrubber
 * knowing its own token, so two bots in one JVM (tests, a future multi-bot launcher) each scrub
 * theirs; every scrubber also removes anything shaped like a token.
 */
final class TokenScrubber {
  /** Anything shaped like a token ({@code 123456:ABC-…}), and the path segment carrying one. */
  private static final Pattern TOKEN = Pattern.compile("\\d{3,}:[A-Za-z0-9_-]{20,}");

  private static final Pattern BOT_SEGMENT = Pattern.compile("/bot[^/\\s]+/");

  /**
   * Only for causes of odd shape; the rest of a long chain of causes adds nothing to a log line.
   */
  private static final int MAX_DESCRIPTION = 1000;

  private final String token;

  /**
   * A scrubber that also removes this exact token (the one in use, whatever its shape); "" for
   * none.
   */
  TokenScrubber(String token) {
    this.token = java.util.Objects.requireNonNull(token, "token");
  }

  /**
   * A scrubber knowing no particular token: it removes token shapes and {@code /bot…/} segments
   * only.
   */
  static TokenScrubber shapesOnly() {
    return new TokenScrubber("");
  }

  String scrub(String text) {
    if (text == null) {
      return "";
    }
    String s = token.isEmpty() ? text : text.replace(token, "***");
    s = BOT_SEGMENT.matcher(s).replaceAll("/bot***/");
    return TOKEN.matcher(s).replaceAll("***");
  }

  /**
   * One line naming the exception and its causes, scrubbed: what the bot logs instead of stack
   * traces.
   */
  String describe(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null && b.length() < MAX_DESCRIPTION; c = c.getCause()) {
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

  @Override
  public String toString() {
    return "TokenScrubber[" + (token.isEmpty() ? "shapes only" : "token ***") + "]";
  }
}
