package io.github.wenda.retrieval.reader;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds running headers, footers and page numbers of a paged document by repetition: a line among
 * the first or last {@value #EDGE} lines of a page whose shape (digits folded, spaces dropped)
 * recurs at a page edge on at least a quarter of the pages (and on three) is page furniture
 * ("Debian 参考手册 … 50/223" and "… 51/223" share the shape "Debian参考手册…#/#"). A bare page number at a
 * page edge is furniture on any page. Body text repeats too, but rarely at the same edge of many
 * pages, and a line that ends a sentence is never taken for a header.
 */
final class RunningLines {
  static final int EDGE = 2;
  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "^[\\s\\-–—·•\\[(（]*(?:第\\s*)?(?:\\d{1,4}|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})(?:\\s*/\\s*\\d{1,4})?\\s*(?:页)?"
              + "(?:\\s*共\\s*\\d{1,4}\\s*页)?[\\s\\-–—·•\\])）]*$|^(?:page|p\\.)\\s*\\d{1,4}(?:\\s*(?:of|/)\\s*\\d{1,4})?$",
          Pattern.CASE_INSENSITIVE);

  private final Set<String> running = new HashSet<>();

  RunningLines(List<List<String>> pages) {
    Map<String, Integer> count = new HashMap<>();
    for (List<String> lines : pages) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < lines.size(); i++) {
        if (atEdge(i, lines.size())) {
          String key = shape(lines.get(i));
          if (!key.isEmpty() && seen.add(key)) {
            count.merge(key, 1, Integer::sum);
          }
        }
      }
    }
    int threshold = Math.max(3, (pages.size() + 3) / 4);
    count.forEach(
        (key, n) -> {
          if (n >= threshold) {
            running.add(key);
          }
        });
  }

  /** Whether line {@code i} of a page of {@code size} lines is page furniture. */
  boolean isFurniture(String line, int i, int size) {
    if (!atEdge(i, size)) {
      return false;
    }
    return isPageNumber(line) || (running.contains(shape(line)) && !endsSentence(line));
  }

  // The last line of a paragraph that happens to repeat at a page foot is body text, not a header.
  private static boolean endsSentence(String line) {
    String t = line.strip();
    return !t.isEmpty() && "。！？.!?".indexOf(t.charAt(t.length() - 1)) >= 0;
  }

  static boolean isPageNumber(String line) {
    return PAGE_NUMBER.matcher(line.strip()).matches();
  }

  private static boolean atEdge(int i, int size) {
    return i < EDGE || i >= size - EDGE;
  }

  static String shape(String line) {
    StringBuilder b = new StringBuilder();
    line.codePoints()
        .forEach(
            cp -> {
              if (Character.isDigit(cp)) {
                if (b.length() == 0 || b.charAt(b.length() - 1) != '#') {
                  b.append('#');
                }
              } else if (!Character.isWhitespace(cp)) {
                b.appendCodePoint(cp);
              }
            });
    return b.toString();
  }
}
