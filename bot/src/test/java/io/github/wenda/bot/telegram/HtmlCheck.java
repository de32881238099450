package io.github.wenda.bot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: is a string valid Telegram HTML (known tags, properly nested, only the four
 * entities, no bare &lt; or &amp;)?
 */
final class HtmlCheck {
  private static final Set<String> TAGS =
      Set.of("b", "i", "u", "s", "code", "pre", "a", "blockquote", "tg-spoiler");
  private static final Pattern TOKEN =
      Pattern.compile("<(/?)([a-z-]+)([^<>]*)>|&(lt|gt|amp|quot);|[<>&]");

  private HtmlCheck() {}

  /** Null when valid, else the problem. */
  static String problem(String html) {
    Deque<String> open = new ArrayDeque<>();
    Matcher m = TOKEN.matcher(html);
    while (m.find()) {
      if (m.group(2) != null) {
        if (!TAGS.contains(m.group(2))) {
          return "unknown tag " + m.group();
        }
        if (m.group(1).isEmpty()) {
          open.push(m.group(2));
        } else if (open.isEmpty() || !open.pop().equals(m.group(2))) {
          return "misnested " + m.group() + " at " + m.start();
        }
      } else if (m.group(4) == null) {
        return "bare " + m.group() + " at " + m.start();
      }
    }
    return open.isEmpty() ? null : "unclosed " + open;
  }
}
