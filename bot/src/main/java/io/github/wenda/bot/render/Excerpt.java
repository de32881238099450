package io.github.wenda.bot.render;

import java.util.List;

/**
 * A window of a passage around the first matched term, with matched terms marked, so a reader sees
 * at a glance why the passage was cited. Marking is done with caller-given wrappers, so the console
 * (ANSI or brackets) and Telegram (escaped HTML) share it.
 */
public final class Excerpt {
  private Excerpt() {}

  /** The excerpt, at most {@code maxChars} of the passage, with "…" where it was cut. */
  public static String window(String text, List<String> terms, int maxChars) {
    String flat = text.replace('\n', ' ');
    if (flat.length() <= maxChars) {
      return flat;
    }
    // Start where the window holds the most matched terms: that is where the passage answers.
    List<int[]> hits = new java.util.ArrayList<>();
    for (String t : terms) {
      for (int i = flat.indexOf(t); i >= 0 && !t.isEmpty(); i = flat.indexOf(t, i + t.length())) {
        hits.add(new int[] {i, t.length()});
      }
    }
    int first = 0;
    int bestCount = 0;
    for (int[] h : hits) {
      int from = Math.max(0, h[0] - maxChars / 4);
      int count = 0;
      for (int[] o : hits) {
        if (o[0] >= from && o[0] + o[1] <= from + maxChars) {
          count += o[1];
        }
      }
      if (count > bestCount) {
        bestCount = count;
        first = h[0];
      }
    }
    int start = hits.isEmpty() ? 0 : Math.max(0, first - maxChars / 4);
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

  /**
   * The cited sentence in its context: a window of at most {@code maxChars} centred on {@code
   * quote} (the first occurrence in the passage), or {@link #window} when the quote is not there.
   */
  public static String around(String text, String quote, List<String> terms, int maxChars) {
    String flat = text.replace('\n', ' ');
    int at = quote.isEmpty() ? -1 : flat.indexOf(quote);
    if (at < 0 || flat.length() <= maxChars) {
      return window(text, terms, maxChars);
    }
    int spare = Math.max(0, maxChars - quote.length());
    int start = Math.max(0, at - spare / 2);
    int end = Math.min(flat.length(), Math.max(start + maxChars, at + quote.length()));
    start = Math.max(0, Math.min(start, end - Math.max(maxChars, quote.length())));
    if (start > 0 && Character.isLowSurrogate(flat.charAt(start))) {
      start++;
    }
    if (end < flat.length() && Character.isHighSurrogate(flat.charAt(end - 1))) {
      end--;
    }
    return (start > 0 ? "…" : "") + flat.substring(start, end) + (end < flat.length() ? "…" : "");
  }

  /**
   * The quotes of an answer text cited as {@code [n]}: each line's text before its marker, ellipses
   * split.
   */
  public static List<String> quotesOf(String answerText, int n) {
    List<String> out = new java.util.ArrayList<>();
    String marker = "[" + n + "]";
    for (String line : answerText.split("\n")) {
      int at = line.indexOf(marker);
      if (at < 0) {
        continue;
      }
      String quote = line.substring(0, at).replaceFirst("^\\d+\\.\\s*", "");
      for (String piece : quote.split("……")) {
        if (!piece.isBlank()) {
          out.add(piece.strip());
        }
      }
    }
    return out;
  }

  /**
   * Wraps every occurrence of the terms (longest first, no overlaps) using {@code open}/{@code
   * close}.
   */
  public static String mark(
      String text,
      List<String> terms,
      java.util.function.UnaryOperator<String> escape,
      String open,
      String close) {
    boolean[] marked = new boolean[text.length()];
    terms.stream()
        .filter(t -> !t.isEmpty())
        .sorted((a, b) -> b.length() - a.length())
        .forEach(
            t -> {
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
