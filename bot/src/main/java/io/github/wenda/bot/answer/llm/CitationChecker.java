package io.github.wenda.bot.answer.llm;

import io.github.wenda.bot.answer.Bigrams;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import io.github.wenda.retrieval.chunk.Passage;
import io.github.wenda.retrieval.search.Hit;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an LLM reply against the passages it was given. Citation markers ({@code [n]}, {@code
 * 【n】}, {@code [1,2]}, {@code [1][2]}) are normalised to {@code [n]} and those naming no passage
 * are dropped. Each sentence that cites passages must share at least {@code minBigramOverlap} of
 * its character bigrams with them and state no number they lack; otherwise it is marked or removed
 * per policy. Sentences that cite nothing are left alone. Never throws for odd text.
 */
public final class CitationChecker {
  /** Appended to an unsupported sentence in a Chinese answer. */
  public static final String MARK_ZH = "（未经文献证实）";
  /** Appended to an unsupported sentence in any other answer. */
  public static final String MARK_OTHER = " (unsupported)";

  // Any bracket style a model uses, one or more numbers inside; ASCII and full-width digits.
  private static final Pattern ANY_MARKER = Pattern.compile(
      "([ \\t]*)[\\[【［]\\s*([0-9０-９]{1,3}(?:\\s*[,，、;；]\\s*[0-9０-９]{1,3})*)\\s*[\\]】］]");
  private static final Pattern CANONICAL_MARKER = Pattern.compile("\\[(\\d{1,3})]");
  private static final Pattern TRAILING_MARKERS = Pattern.compile("(?:[ \\t]*\\[\\d{1,3}])+");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
  private static final Pattern LIST_BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.、)）])\\s*");
  private static final String TERMINATORS = "。！？!?…";
  private static final String CLOSERS = "”’\"'」』）)";

  private final UnsupportedPolicy policy;
  private final double minBigramOverlap;

  public CitationChecker(UnsupportedPolicy policy, double minBigramOverlap) {
    this.policy = Objects.requireNonNull(policy, "policy");
    if (!(minBigramOverlap >= 0.0 && minBigramOverlap <= 1.0)) {
      throw new IllegalArgumentException("minBigramOverlap must be between 0.0 and 1.0, but is: " + minBigramOverlap);
    }
    this.minBigramOverlap = minBigramOverlap;
  }

  public static CitationChecker of(LlmSettings settings) {
    return new CitationChecker(settings.unsupported(), settings.minBigramOverlap());
  }

  /**
   * Checks {@code reply}, whose {@code [i]} refers to {@code passages.get(i - 1)}; {@code language}
   * ({@code zh}, {@code en}, …) picks the mark for unsupported sentences.
   */
  public CheckedReply check(String reply, List<Hit> passages, String language) {
    int[] dropped = {0};
    String text = normaliseMarkers(reply == null ? "" : reply, passages.size(), dropped);
    String mark = Language.CHINESE.equals(language) ? MARK_ZH : MARK_OTHER;
    StringBuilder out = new StringBuilder();
    int unsupported = 0;
    for (String sentence : sentences(text)) {
      Set<Integer> cited = cited(sentence);
      if (cited.isEmpty() || supported(sentence, cited, passages)) {
        out.append(sentence);
        continue;
      }
      unsupported++;
      if (policy == UnsupportedPolicy.MARK) {
        int end = contentEnd(sentence);
        out.append(sentence, 0, end).append(mark).append(sentence.substring(end));
      }
    }
    String checked = out.toString().strip();
    List<Citation> citations = new ArrayList<>();
    for (int n : cited(checked)) {
      citations.add(new Citation(n, passages.get(n - 1)));
    }
    return new CheckedReply(checked, citations, dropped[0], unsupported);
  }

  /** Rewrites every marker as {@code [a][b]}, dropping numbers outside 1..count and counting them. */
  static String normaliseMarkers(String text, int count, int[] dropped) {
    Matcher m = ANY_MARKER.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      Set<Integer> valid = new LinkedHashSet<>();
      for (String part : m.group(2).split("\\s*[,，、;；]\\s*")) {
        int n = parse(part.strip());
        if (n >= 1 && n <= count) {
          valid.add(n);
        } else {
          dropped[0]++;
        }
      }
      StringBuilder replacement = new StringBuilder();
      if (!valid.isEmpty()) {
        // Keep the space before a surviving marker; a dropped one takes its space along.
        replacement.append(m.group(1));
        valid.forEach(n -> replacement.append('[').append(n).append(']'));
      }
      m.appendReplacement(b, Matcher.quoteReplacement(replacement.toString()));
    }
    m.appendTail(b);
    return b.toString();
  }

  /**
   * Splits text into sentences that concatenate back to it. A sentence ends at 。！？!?…, at a
   * full stop followed by space, or at a line break; closing quotes and citation markers right
   * after the end belong to it ("…成立。[1]").
   */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      boolean end;
      boolean lineBreak = false;
      if (TERMINATORS.indexOf(c) >= 0) {
        end = true;
        while (i < n && TERMINATORS.indexOf(text.charAt(i)) >= 0) {
          i++;
        }
      } else if (c == '.' && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
        end = true;
        i++;
      } else if (c == '\n') {
        end = true;
        lineBreak = true;
        i++;
      } else {
        end = false;
        i++;
      }
      if (end) {
        if (!lineBreak) {
          while (i < n && CLOSERS.indexOf(text.charAt(i)) >= 0) {
            i++;
          }
          Matcher m = TRAILING_MARKERS.matcher(text).region(i, n);
          if (m.lookingAt()) {
            i = m.end();
          }
        }
        out.add(text.substring(start, i));
        start = i;
      }
    }
    if (start < n) {
      out.add(text.substring(start));
    }
    return out;
  }

  private boolean supported(String sentence, Set<Integer> cited, List<Hit> passages) {
    String claim = LIST_BULLET.matcher(CANONICAL_MARKER.matcher(sentence).replaceAll("")).replaceFirst("");
    StringBuilder source = new StringBuilder();
    for (int n : cited) {
      Passage p = passages.get(n - 1).passage();
      // The prompt showed title and section too, so the model may fairly quote them.
      source.append(p.title()).append('\n').append(p.section()).append('\n').append(p.text()).append('\n');
    }
    String reference = source.toString();
    if (!numbers(reference).containsAll(numbers(claim))) {
      return false;
    }
    // A translated sentence shares no bigrams with its Chinese source; only the number test applies.
    if (!Language.detect(claim).equals(Language.detect(reference))) {
      return true;
    }
    return overlap(claim, reference) >= minBigramOverlap;
  }

  /** Share of the claim's distinct bigrams (CJK and alphanumerics) found in the reference; 1 if it has none. */
  static double overlap(String claim, String reference) {
    return Bigrams.shareFound(Bigrams.of(claim), Bigrams.of(reference), 1.0);
  }

  /** Numbers written with digits, width-folded, thousands separators removed: 1,000 → 1000. */
  static Set<String> numbers(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
    Set<String> out = new HashSet<>();
    Matcher m = NUMBER.matcher(folded);
    while (m.find()) {
      out.add(m.group().replaceAll(",(?=\\d{3}(?:\\D|$))", ""));
    }
    return out;
  }

  private static Set<Integer> cited(String text) {
    Set<Integer> out = new LinkedHashSet<>();
    Matcher m = CANONICAL_MARKER.matcher(text);
    while (m.find()) {
      out.add(Integer.parseInt(m.group(1)));
    }
    return out;
  }

  // Where a mark goes: after the sentence, before the whitespace or line break that follows it.
  private static int contentEnd(String sentence) {
    int end = sentence.length();
    while (end > 0 && Character.isWhitespace(sentence.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static int parse(String digits) {
    int n = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = Character.digit(digits.charAt(i), 10);
      if (d < 0) {
        return -1;
      }
      n = n * 10 + d;
    }
    return n;
  }
}
