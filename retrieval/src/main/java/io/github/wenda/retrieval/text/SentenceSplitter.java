package io.github.wenda.retrieval.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits cleaned Chinese (or mixed) text into sentences, returning their bounds.
 *
 * <p>A sentence ends after 。！？；or their ASCII forms (NFKC turns the full-width ！？；into ASCII),
 * together with any closing quotes or brackets that follow, so {@code 他说：“好。”} stays whole. An
 * ASCII full stop is not a terminator: in this text it appears in numbers, URLs and abbreviations
 * far more often than at the end of a sentence. Whitespace between sentences is left out of both.
 */
public final class SentenceSplitter {
  private static final String TERMINATORS = "。！？；!?;";
  private static final String CLOSERS = "”’」』）)》〉】\"'";

  /** Half-open [start, end) bounds of each sentence of {@code text} within [from, to). */
  public List<int[]> split(String text, int from, int to) {
    List<int[]> out = new ArrayList<>();
    int start = skipSpace(text, from, to);
    int i = start;
    while (i < to) {
      char c = text.charAt(i);
      if (TERMINATORS.indexOf(c) >= 0 || c == '\n') {
        int end = i + 1;
        if (c == '\n') {
          end = i;
        } else {
          // Runs like "？！" or "。”" belong to the sentence they close.
          while (end < to
              && (TERMINATORS.indexOf(text.charAt(end)) >= 0
                  || CLOSERS.indexOf(text.charAt(end)) >= 0)) {
            end++;
          }
        }
        addTrimmed(text, start, end, out);
        start = skipSpace(text, Math.max(end, i + 1), to);
        i = start;
      } else {
        i++;
      }
    }
    addTrimmed(text, start, to, out);
    return out;
  }

  /** Convenience for tests and queries: the sentences of a whole string. */
  public List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (int[] b : split(text, 0, text.length())) {
      out.add(text.substring(b[0], b[1]));
    }
    return out;
  }

  private static void addTrimmed(String text, int start, int end, List<int[]> out) {
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      out.add(new int[] {start, end});
    }
  }

  private static int skipSpace(String text, int i, int to) {
    while (i < to && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
