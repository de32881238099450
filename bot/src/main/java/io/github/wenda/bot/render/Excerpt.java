package io.github.wenda.bot.render;

import java.util.List;

/**
 * A window of a passage around the first matched term, with matched terms marked, so a reader
 * sees at a glance why the passage was cited. Marking is done with caller-given wrappers, so the
 * console (ANSI or brackets) and Telegram (escaped HTML) share it.
 */
public final class Excerpt {
  private Excerpt() {}

  /** The excerpt, at most {@code maxChars} of the passage, with "…" where it was cut. */
  public static String window(String text, List<String> terms, int maxChars) {
    String flat = text.replace('\n', ' ');
    if (flat.length() <= maxChars) {
      return flat;
    }
    int first = flat.length();
    for (String t : terms) {
      int i = flat.indexOf(t);
      if (i >= 0 && i < first) {
        first = i;
      }
    }
    int start = first == flat.length() ? 0 : Math.max(0, first - maxChars / 4);
    int end = Math.min(flat.length(), start + maxChars);
    start = Math.max(0, end - maxChars);
    if (start > 0 && Character.isLowSurrogate(flat.charAt(start))) {
      start++;
    }
    if (end < flat.length() && Character.isHighSurrogate(flat.charAt(end - 1))) {
      end--;
    }
    return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
  }

  /** Wraps every occurrence of the terms (longest first, no overlaps) using {@code open}/{@code close}. */
  public static String mark(String text, List<String> terms, java.util.function.UnaryOperator<String> escape, String open, String close) {
    boolean[] marked = new boolean[text.length()];
    terms.stream().filter(t -> !t.isEmpty()).sorted((a, b) -> b.length() - a.length()).forEach(t -> {
      for (int i = text.indexOf(t); i >= 0; i = text.indexOf(t, i + t.length())) {
        boolean free = true;
        for (int j = i; j < i + t.length(); j++) {
          free &= !marked[j];
        }
        if (free) {
          for (int j = i; j < i + t.length(); j++) {
            marked[j] = true;
          }
        }
      }
    });
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int j = i;
      while (j < text.length() && marked[j] == marked[i]) {
        j++;
      }
      String part = escape.apply(text.substring(i, j));
      out.append(marked[i] ? open + part + close : part);
      i = j;
    }
    return out.toString();
  }
}
