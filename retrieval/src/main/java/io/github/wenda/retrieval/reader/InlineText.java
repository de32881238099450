package io.github.wenda.retrieval.reader;

import java.util.List;

/**
 * Joins the lines of one paragraph and tidies its spaces, in the document's own characters (no NFKC
 * here: normalisation is for matching, not for what people read).
 *
 * <p>Why these rules: extractors and authors wrap lines anywhere. Between two Latin words a line
 * break is a space; between CJK characters it is nothing (Chinese has no word spaces); after a
 * slash, or before one that continues a path, it is nothing either, because the break fell inside a
 * path or URL ("/usr/" + "share/doc" is "/usr/share/doc", not "/usr/ share/doc"). A hyphen at a
 * line end is kept and joins ("well-" + "known"), since a wrapped identifier like "apt-" + "get"
 * must not become "apt- get" or "aptget".
 */
public final class InlineText {
  private InlineText() {}

  /** The lines of one paragraph as one line. */
  public static String join(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String raw : lines) {
      String line = tidy(raw);
      if (line.isEmpty()) {
        continue;
      }
      if (out.length() > 0 && needsSpace(out, line)) {
        out.append(' ');
      }
      out.append(line);
    }
    return out.toString();
  }

  /**
   * The lines of one typeset paragraph (PDF) as one line. As {@link #join}, and more: in Chinese
   * text the typesetter breaks a full line anywhere, even inside a Latin word or path ("…，W" +
   * "enda", "/usr/share/d" + "oc"), so a break after a full-width line inside CJK text that falls
   * between two Latin letters is no space either. A line is full when it is about as wide as the
   * paragraph's widest line (CJK characters count double).
   */
  public static String joinWrapped(List<String> lines) {
    List<String> tidy =
        lines.stream().map(InlineText::tidyExtracted).filter(l -> !l.isEmpty()).toList();
    int widest = tidy.stream().mapToInt(InlineText::width).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < tidy.size(); i++) {
      String line = tidy.get(i);
      if (i > 0) {
        String prev = tidy.get(i - 1);
        boolean cjkLine = prev.codePoints().anyMatch(InlineText::isCjk);
        boolean full = width(prev) * 10 >= widest * 9;
        boolean midWord =
            cjkLine
                && full
                && Character.isLetterOrDigit(prev.codePointBefore(prev.length()))
                && Character.isLetterOrDigit(line.codePointAt(0));
        boolean inPath = lastTokenLooksLikePath(out) && cjkLine && full;
        if (!midWord && !inPath && needsSpace(out, line)) {
          out.append(' ');
        }
      }
      out.append(line);
    }
    return out.toString();
  }

  private static int width(String s) {
    return s.codePoints().map(cp -> isCjk(cp) ? 2 : 1).sum();
  }

  /**
   * One line with control and invisible characters dropped and runs of spaces (including NBSP and
   * tabs) collapsed to one. A run that holds a line break between two CJK characters is dropped
   * (source line wrapping inside Chinese text, which means no space); a plain space the author
   * typed between CJK characters ("第 11 章 定制") is kept.
   */
  public static String tidy(String s) {
    return tidy(s, false);
  }

  /**
   * As {@link #tidy(String)}, dropping every space between two CJK characters: PDF extraction puts
   * word spaces between CJK glyphs where the typesetter spaced them out.
   */
  public static String tidyExtracted(String s) {
    return tidy(s, true);
  }

  private static String tidy(String s, boolean dropCjkSpaces) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    boolean lineBreak = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || cp == 0xA0 || cp == 0x2007 || cp == 0x202F) {
        space = out.length() > 0;
        lineBreak |= cp == '\n' || cp == '\r';
        continue;
      }
      int type = Character.getType(cp);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || type == Character.SURROGATE
          || cp == 0xFFFD) {
        continue;
      }
      if (space) {
        int prev = out.codePointBefore(out.length());
        if (!((dropCjkSpaces || lineBreak) && isCjk(prev) && isCjk(cp))) {
          out.append(' ');
        }
      }
      space = false;
      lineBreak = false;
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static boolean needsSpace(CharSequence before, String after) {
    int last = Character.codePointBefore(before, before.length());
    int first = after.codePointAt(0);
    if (isCjk(last) || isCjk(first)) {
      return false;
    }
    if (last == '/' || last == '\\' || last == '-' || last == '_' || last == '=' || last == '~') {
      return false;
    }
    if ((first == '/' || first == '.' || first == '_') && lastTokenLooksLikePath(before)) {
      return false;
    }
    return true;
  }

  private static boolean lastTokenLooksLikePath(CharSequence s) {
    int i = s.length();
    while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
      i--;
    }
    String token = s.subSequence(i, s.length()).toString();
    return token.contains("/") || token.contains("://");
  }

  /** Han, kana, Hangul and CJK/full-width punctuation: scripts and marks written without spaces. */
  public static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    if (script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL) {
      return true;
    }
    return (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF00 && cp <= 0xFFEF)
        || cp == 0x2014
        || cp == 0x2026
        || cp == 0x00B7;
  }
}
