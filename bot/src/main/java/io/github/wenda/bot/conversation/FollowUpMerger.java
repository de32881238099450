package io.github.wenda.bot.conversation;

import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline follow-up rules, tried in order on the question and the previous question as it was
 * searched:
 *
 * <ol>
 *   <li><b>Contrast</b> — 那X呢 / X呢 / X怎么样 / 那它和X呢: X takes the place of the previous question's
 *       contrasted entity (B of "A与B…"), or of the span most like it (第三次 → 第二次, 农业合作示范区 →
 *       地方合作示范区); the predicate is kept. "X怎么样" without 那 counts only when X is a word the corpus
 *       knows, so 今天天气怎么样 stands on its own.
 *   <li><b>Pronoun</b> — 它 / 该组织 / 其 / 她 / 他 are replaced by the previous focus (A of "A与B", else
 *       the subject the previous question opens with).
 *   <li><b>Ellipsis</b> — a question opening with 那 / 还有, ending in 呢, opening with its predicate
 *       (在哪儿…, 结果谁…), or short without a subject of its own is searched with the previous
 *       question's content words.
 * </ol>
 *
 * A question that fits none stands on its own. Measured on corpus/followups.jsonl (README).
 */
public final class FollowUpMerger implements QueryRewriter, FollowUpResolver {
  private static final Pattern CONTRAST =
      Pattern.compile("^(那么?|还有|那)?(它|其|该组织)?(和|与|跟|同)?(.{1,16}?)的?(呢|怎么样|怎样|如何|又如何|又怎样)$");
  private static final Pattern PRONOUN = Pattern.compile("它们|它|该组织|其(?![他中实次余])|她|他(?![国人们])");
  private static final Pattern CONJUNCTION = Pattern.compile("(和|与|跟|同(?![时一样]))");
  // Where an entity ends and the predicate begins.
  private static final Pattern PREDICATE =
      Pattern.compile("的|是|签|有|在|开|之间|什么|哪|怎么|如何|为什么|为何|建立|高级别|吗|后来|被|出版|获得|提出|成立|设|位于|于");
  private static final Pattern ORDINAL = Pattern.compile("第[一二三四五六七八九十\\d]+[次届个]");
  private static final String[] OPENINGS = {"那么", "那", "还有", "另外", "此外", "then ", "and "};
  private static final Pattern NO_SUBJECT =
      Pattern.compile("在|是|什么|哪|何时|多久|多少|谁|为什么|为何|怎么|如何|有没有|有哪些|结果|后来|当时|同一|剩下|具体|主要");

  /**
   * Predicate-only questions longer than this are full questions that happen to open with 在 or 是.
   */
  static final int MAX_PREDICATE_ONLY_CHARS = 14;

  private static final String TRAILER = "[?？!！。.\\s]+$";

  private final QueryAnalyzer analyzer;
  private final int maxShortChars;
  private final Predicate<String> known;

  /** A merger that takes every word as known to the corpus. */
  public FollowUpMerger(QueryAnalyzer analyzer, int maxShortChars) {
    this(analyzer, maxShortChars, w -> true);
  }

  /**
   * @param maxShortChars a question this short without a subject of its own is a follow-up
   * @param known whether the corpus uses a word (from the index's vocabulary): off-topic short
   *     questions (今天天气怎么样) are not merged into the conversation's topic
   */
  public FollowUpMerger(QueryAnalyzer analyzer, int maxShortChars, Predicate<String> known) {
    this.analyzer = analyzer;
    this.maxShortChars = maxShortChars;
    this.known = known;
  }

  @Override
  public String rewrite(String question, List<Turn> history) {
    return resolve(question, history).resolved();
  }

  @Override
  public Resolution resolve(String question, List<Turn> history) {
    if (history.isEmpty() || question == null || question.isBlank()) {
      return Resolution.standalone(question == null ? "" : question);
    }
    String q = analyzer.normalize(question).strip().replaceAll(TRAILER, "");
    Turn last = history.get(history.size() - 1);
    String previous =
        analyzer
            .normalize(last.searchedAs().isBlank() ? last.question() : last.searchedAs())
            .strip()
            .replaceAll(TRAILER, "");
    String mark = question.strip().matches(".*[?？]$") ? "？" : "";

    Matcher c = CONTRAST.matcher(q);
    if (c.matches()) {
      boolean marked =
          c.group(1) != null || c.group(2) != null || c.group(3) != null || c.group(5).equals("呢");
      String x = c.group(4).strip();
      if (!x.isEmpty() && (marked || knownToCorpus(x))) {
        String replaced = replaceContrasted(previous, x, c.group(3) != null);
        if (replaced != null) {
          return new Resolution(
              question, replaced + mark, "contrast: " + x + " in place of the earlier entity");
        }
      } else if (!marked) {
        // "X怎么样" about something the corpus never mentions (今天天气怎么样) is a new question.
        return Resolution.standalone(question);
      }
    }
    Matcher p = PRONOUN.matcher(q);
    if (p.find()) {
      String focus = focus(previous);
      if (focus != null && !q.contains(focus)) {
        String body = stripOpening(q);
        String resolved = PRONOUN.matcher(body).replaceFirst(Matcher.quoteReplacement(focus));
        return new Resolution(question, resolved + mark, "pronoun: " + p.group() + " = " + focus);
      }
    }
    if (elliptical(q)) {
      StringBuilder merged = new StringBuilder();
      List<String> askedBefore = askedNouns(previous);
      for (String w : analyzer.words(previous)) {
        // 城市 of 设在哪个城市 named what the earlier question asked, which the follow-up no longer asks.
        if (!q.contains(w) && !askedBefore.contains(w)) {
          merged.append(w).append(' ');
        }
      }
      return new Resolution(
          question,
          merged.append(q).toString(),
          "ellipsis: searched with the earlier question's words");
    }
    return Resolution.standalone(question);
  }

  // B of "A与B…" gives way to x; else the span of the earlier question most like x.
  private String replaceContrasted(String previous, String x, boolean conjunction) {
    Matcher ord = ORDINAL.matcher(x);
    if (ord.matches()) {
      Matcher inPrevious = ORDINAL.matcher(previous);
      return inPrevious.find()
          ? previous.substring(0, inPrevious.start()) + x + previous.substring(inPrevious.end())
          : null;
    }
    Matcher m = CONJUNCTION.matcher(previous);
    while (m.find()) {
      int start = m.end();
      if (m.start() < 2) {
        continue;
      }
      Matcher end = PREDICATE.matcher(previous).region(start + 1, previous.length());
      int stop = end.find() ? end.start() : previous.length();
      if (stop - start >= 2) {
        return previous.substring(0, start) + x + previous.substring(stop);
      }
    }
    if (conjunction) {
      return null;
    }
    // The span sharing the most of x's characters at its end or start (农业合作示范区 ~ 地方合作示范区).
    int bestScore = 0;
    int bestStart = -1;
    int bestEnd = -1;
    for (int d = 0; d <= 4; d++) {
      // Spans as long as x first, then a character shorter, longer, …
      int len = x.length() + (d % 2 == 0 ? d / 2 : -(d + 1) / 2);
      if (len < 2 || len > previous.length()) {
        continue;
      }
      for (int i = 0; i + len <= previous.length(); i++) {
        String span = previous.substring(i, i + len);
        if (span.equals(x)) {
          continue;
        }
        int score = Math.max(commonSuffix(span, x), commonPrefix(span, x));
        if (score > bestScore && score < x.length()) {
          bestScore = score;
          bestStart = i;
          bestEnd = i + len;
        }
      }
    }
    if (bestScore >= 1 && bestScore * 3 >= x.length()) {
      return previous.substring(0, bestStart) + x + previous.substring(bestEnd);
    }
    return null;
  }

  /** What the earlier question is about: A of "A与B", else the words before its predicate. */
  String focus(String previous) {
    String p = previous.replaceAll("^《[^》]*》", "").isEmpty() ? previous : previous;
    Matcher pred = PREDICATE.matcher(p);
    int stop = pred.find(1) ? pred.start() : p.length();
    Matcher conj = CONJUNCTION.matcher(p);
    if (conj.find() && conj.start() >= 2 && conj.start() < stop) {
      stop = conj.start();
    }
    String f = p.substring(0, stop).strip();
    return f.length() >= 2 && f.length() <= 20 ? f : null;
  }

  private boolean elliptical(String q) {
    String lower = q.toLowerCase(Locale.ROOT);
    for (String o : OPENINGS) {
      if (lower.startsWith(o)) {
        return true;
      }
    }
    if (q.endsWith("呢")) {
      return true;
    }
    // A question opening with its predicate (在哪儿第一次提出来的, 结果谁辞职了) has no subject of its own.
    if (q.length() <= MAX_PREDICATE_ONLY_CHARS && NO_SUBJECT.matcher(q).lookingAt()) {
      return true;
    }
    if (q.length() > maxShortChars) {
      return false;
    }
    // Short: a follow-up unless it opens with its own subject (东盟什么时候成立).
    List<String> words = analyzer.words(q);
    return words.isEmpty() || !ownSubject(q, words.get(0));
  }

  // 东盟什么时候成立: opens with an entity followed by its predicate.
  private boolean ownSubject(String q, String first) {
    return first.length() >= 2
        && q.startsWith(first)
        && !PREDICATE.matcher(first).lookingAt()
        && PREDICATE.matcher(q.substring(first.length())).lookingAt()
        && known.test(first)
        && rare(first);
  }

  private boolean rare(String word) {
    return !List.of("结果", "合作", "领域", "现在", "后来", "当时", "同时", "主要").contains(word);
  }

  private boolean knownToCorpus(String x) {
    List<String> words = analyzer.words(x);
    return !words.isEmpty() && words.stream().allMatch(known);
  }

  private static String stripOpening(String q) {
    for (String o : OPENINGS) {
      if (q.startsWith(o)) {
        return q.substring(o.length()).strip();
      }
    }
    return q;
  }

  private static int commonSuffix(String a, String b) {
    int n = 0;
    while (n < a.length()
        && n < b.length()
        && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
      n++;
    }
    return n;
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }

  private static final Pattern ASKED_NOUN =
      Pattern.compile("(?:哪个|哪座|哪家|哪位|哪种|哪类|哪一)(\\p{IsHan}{2})");

  /** The nouns a question word asks for in {@code question} (城市 in 哪个城市). */
  static List<String> askedNouns(String question) {
    List<String> out = new java.util.ArrayList<>();
    Matcher m = ASKED_NOUN.matcher(question);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
