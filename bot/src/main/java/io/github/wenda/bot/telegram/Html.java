package io.github.wenda.bot.telegram;

/** Escaping for Telegram's HTML parse mode, which knows only {@code &lt; &gt; &amp; &quot;}. */
final class Html {
  private Html() {}

  /**
   * {@code s} with {@code <}, {@code >}, {@code &} (and {@code "}, for attributes) escaped; null is
   * "".
   */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Whether a Bot API error means Telegram could not read our HTML (400 "can't parse entities …",
   * "unsupported start tag"): the one 400 that sending the same words as plain text cures.
   */
  static boolean unparsable(int errorCode, String message) {
    if (errorCode != 400 || message == null) {
      return false;
    }
    String m = message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("parse entities")
        || m.contains("start tag")
        || m.contains("end tag")
        || m.contains("entity");
  }

  /**
   * The text of Telegram HTML without its tags, entities decoded: what the reader would have seen.
   */
  static String toPlainText(String html) {
    String text = html.replaceAll("<[^>]*>", "");
    text =
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return text.isBlank() ? "…" : text;
  }
}
