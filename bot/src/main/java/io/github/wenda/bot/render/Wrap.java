package io.github.wenda.bot.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps console text by display width (a CJK character takes two columns), with a hanging indent
 * for continuation lines. A citation marker {@code [n]} is never split, and no line starts with
 * closing punctuation (。，、；：”）》！？): such a character stays at the end of the line before, as
 * Chinese typesetting does. ANSI escape sequences take no width.
 */
public final class Wrap {
  private static final String NO_LINE_START = "。，、；：！？”’）》」』】…,.;:!?)";

  private Wrap() {}

  /**
   * Each line of {@code text} wrapped to {@code width} columns; {@code width < 20} leaves the text
   * as it is.
   */
  public static String wrap(String text, int width, String hangingIndent) {
    if (width < 20) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(String.join("\n", wrapLine(lines[i], width, hangingIndent)));
    }
    return out.toString();
  }

  static List<String> wrapLine(String line, int width, String indent) {
    List<String> out = new ArrayList<>();
    List<String> units = units(line);
    StringBuilder current = new StringBuilder();
    int used = 0;
    boolean first = true;
    for (int u = 0; u < units.size(); u++) {
      String unit = units.get(u);
      int w = width(unit);
      int limit = first ? width : width - width(indent);
      boolean closer = unit.length() == 1 && NO_LINE_START.indexOf(unit.charAt(0)) >= 0;
      if (used + w > limit && used > 0 && !closer) {
        out.add(current.toString());
        current.setLength(0);
        current.append(indent);
        used = 0;
        first = false;
      }
      current.append(unit);
      used += w;
    }
    out.add(current.toString());
    return out;
  }

  /**
   * Characters, with [n] markers, ANSI sequences and runs of Latin letters or digits kept whole.
   */
  static List<String> units(String line) {
    List<String> units = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      int end = i + 1;
      if (c == '\u001b') {
        end = line.indexOf('m', i);
        end = end < 0 ? line.length() : end + 1;
        // Zero-width: glue it to the previous unit so it never starts a line alone.
        if (!units.isEmpty()) {
          units.set(units.size() - 1, units.get(units.size() - 1) + line.substring(i, end));
          i = end;
          continue;
        }
      } else if (c == '[') {
        int close = line.indexOf(']', i);
        if (close > i
            && close - i <= 5
            && line.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
          end = close + 1;
        }
      } else if (c < 128 && Character.isLetterOrDigit(c)) {
        while (end < line.length()
            && line.charAt(end) < 128
            && Character.isLetterOrDigit(line.charAt(end))
            && end - i < 30) {
          end++;
        }
      } else if (Character.isHighSurrogate(c) && end < line.length()) {
        end++;
      }
      units.add(line.substring(i, end));
      i = end;
    }
    return units;
  }

  /**
   * Display columns: East Asian wide and full-width characters count two; escape sequences none.
   */
  public static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp == 0x1b) {
        int m = s.indexOf('m', i);
        i = m < 0 ? s.length() : m + 1;
        continue;
      }
      i += Character.charCount(cp);
      w += wide(cp) ? 2 : 1;
    }
    return w;
  }

  private static boolean wide(int cp) {
    return cp >= 0x1100
        && (cp <= 0x115f
            || cp == 0x2329
            || cp == 0x232a
            || cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f
            || cp >= 0xac00 && cp <= 0xd7a3
            || cp >= 0xf900 && cp <= 0xfaff
            || cp >= 0xfe30 && cp <= 0xfe6f
            || cp >= 0xff00 && cp <= 0xff60
            || cp >= 0xffe0 && cp <= 0xffe6
            || cp >= 0x1f300 && cp <= 0x1faff
            || cp >= 0x20000 && cp <= 0x3fffd);
  }
}
