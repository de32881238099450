package io.github.wenda.bot.answer.llm;

import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.bot.answer.SentenceCheck;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an LLM reply claim by claim against the passage text it cites (never the titles, which
 * every passage of a document shares). Citation markers ({@code [n]}, {@code 【n】}, {@code [1,2]},
 * {@code [1-3]}, {@code [1][2]}) are normalised to {@code [n]}; numbers naming no passage are
 * dropped. A sentence (a long one clause by clause) is supported only when, in the passage sentence
 * that best matches it and its neighbours: every number it states is there (normalised, see {@link
 * Numbers}); every 《title》 is there verbatim; no content word the corpus rarely uses (a name, a
 * place, a specific) is missing; the rarity-weighted share of its content words found reaches
 * {@code minSupport}; and it adds no negation. A claim in another language than the passages is
 * supported only through its 「source phrase」, found verbatim in the cited passage, whose numbers
 * and negation must agree with it. Uncited sentences (also those whose only citation was dropped)
 * are checked against all passages and shown as uncited. Never throws for odd text.
 */
public final class CitationChecker {
  /** Appended to an unsupported sentence in a Chinese answer. */
  public static final String MARK_ZH = "（未经文献证实）";

  /** Appended to an unsupported sentence in any other answer. */
  public static final String MARK_OTHER = " (unsupported)";

  /** Appended to a supported sentence that cited no passage, in a Chinese answer. */
  public static final String UNCITED_ZH = "（未注明出处）";

  /** Appended to a supported sentence that cited no passage, in any other answer. */
  public static final String UNCITED_OTHER = " (uncited)";

  /** A missing content word at least this rare is a name or a specific, so the claim fails. */
  static final double NAME_RARITY = 0.5;

  /**
   * Words rarer than this found only in another sentence of the passage are borrowed details;
   * commoner ones (组织) are not.
   */
  static final double BORROWED_RARITY = 0.03;

  /**
   * Sentences longer than this are checked clause by clause, so one true clause can't carry a false
   * one.
   */
  static final int CLAUSE_SPLIT_CHARS = 16;

  // Any bracket style a model uses, one or more numbers or ranges inside; ASCII and full-width
  // digits.
  private static final Pattern ANY_MARKER =
      Pattern.compile(
          "([ \\t]*)[\\[【［]\\s*([0-9０-９]{1,3}(?:\\s*[-–~～]\\s*[0-9０-９]{1,3})?"
              + "(?:\\s*[,，、;；]\\s*[0-9０-９]{1,3}(?:\\s*[-–~～]\\s*[0-9０-９]{1,3})?)*)\\s*[\\]】］]");
  private static final Pattern CANONICAL_MARKER = Pattern.compile("\\[(\\d{1,3})]");
  private static final Pattern TRAILING_MARKERS = Pattern.compile("(?:[ \\t]*\\[\\d{1,3}])+");
  private static final Pattern LIST_BULLET =
      Pattern.compile("^\\s*(?:[-*•]|\\d{1,2}[.、)）]|[（(]\\d{1,2}[)）])\\s*");
  private static final Pattern EVIDENCE = Pattern.compile("「([^」]{2,})」");
  private static final Pattern TITLE = Pattern.compile("《([^》]{1,60})》");
  private static final Pattern CLAUSE_END = Pattern.compile("(?<=[，；：,;:])");
  private static final Pattern SOURCE_SENTENCE = Pattern.compile("(?<=[。！？!?；;\\n])");
  private static final String TERMINATORS = "。！？!?…";
  private static final String CLOSERS = "”’\"'」』）)";
  // What a model writes when the passages don't answer; the prompt asks for the first form.
  private static final Pattern NO_ANSWER =
      Pattern.compile(
          "(?i)NOT_IN_PASSAGES|(?:文献|资料|段落|材料|passages?|sources?|documents?).{0,12}"
              + "(?:没有|未|并未|不|无|do(?:es)? not|don't|doesn't|never|no)"
              + ".{0,8}(?:提及|提到|说明|涉及|包含|回答|给出|提供|记载|信息|相关|answer|say|mention|contain|state|provide|include)"
              + "|无法(?:根据|从).{0,12}(?:回答|得知|确定)|cannot be answered|(?:no|not enough) information");
  // Words that carry no claim: function words and how models introduce one.
  private static final Set<String> FILLER =
      Set.of(
          "的", "是", "在", "了", "和", "与", "及", "等", "于", "为", "也", "都", "已", "将", "被", "由", "对", "从",
          "向", "这", "那", "有", "之", "并", "而", "或", "即", "以", "所", "把", "就", "其", "该", "此", "以及",
          "包括", "其中", "根据", "文献", "资料", "段落", "材料", "提到", "指出", "表示", "显示", "表明", "记载", "所述", "介绍",
          "说明", "主要", "进行", "通过", "一些", "这些", "那些", "已经", "曾", "还", "又", "更", "由于", "因此", "同时",
          "此外", "另外", "方面", "相关", "有关", "上述", "如下", "以下", "它", "他们", "我们", "段", "篇", "中", "个", "这个",
          "设在", "位于", "处于", "属于", "成为", "就是", "同", "跟", "给", "到", "着", "过", "地", "得", "很", "最",
          "时间", "地点", "日期", "时候", "年份", "名称", "内容", "情况", "the", "and", "was", "were", "has",
          "have", "its", "that", "this", "with", "for", "from");
  private static final String NUMERIC = "零〇一二两三四五六七八九十百千万亿年月日号%第";

  private final UnsupportedPolicy policy;
  private final double minSupport;
  private final Vocabulary vocabulary;
  private final QueryAnalyzer analyzer = new QueryAnalyzer();

  /**
   * @param minSupport the least rarity-weighted share of a claim's content words its supporting
   *     passage sentences must contain
   * @param vocabulary how rare each word is in the corpus: rare missing words sink a claim
   */
  public CitationChecker(UnsupportedPolicy policy, double minSupport, Vocabulary vocabulary) {
    this.policy = Objects.requireNonNull(policy, "policy");
    if (!(minSupport >= 0.0 && minSupport <= 1.0)) {
      throw new IllegalArgumentException(
          "minSupport must be between 0.0 and 1.0, but is: " + minSupport);
    }
    this.minSupport = minSupport;
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
  }

  public static CitationChecker of(LlmSettings settings, Vocabulary vocabulary) {
    return new CitationChecker(settings.unsupported(), settings.minSupport(), vocabulary);
  }

  /** {@link #check(String, List, String, boolean)} for a reply that ended normally. */
  public CheckedReply check(String reply, List<Hit> passages, String language) {
    return check(reply, passages, language, false);
  }

  /**
   * Checks {@code reply}, whose {@code [i]} refers to {@code passages.get(i - 1)}; {@code language}
   * ({@code zh}, {@code en}, …) picks the marks; {@code truncated} says the stream ended without a
   * finish (or hit the length limit), so its last sentence is cut.
   */
  public CheckedReply check(String reply, List<Hit> passages, String language, boolean truncated) {
    int[] dropped = {0};
    String text = normaliseMarkers(reply == null ? "" : reply, passages.size(), dropped);
    boolean chinese = Language.CHINESE.equals(language);
    String mark = chinese ? MARK_ZH : MARK_OTHER;
    String uncitedMark = chinese ? UNCITED_ZH : UNCITED_OTHER;
    List<String> sentences = sentences(text);
    boolean cut =
        truncated || !sentences.isEmpty() && !complete(sentences.get(sentences.size() - 1));
    boolean declined = declines(text);
    StringBuilder out = new StringBuilder();
    List<SentenceCheck> checks = new ArrayList<>();
    Set<Integer> used = new LinkedHashSet<>();
    int unsupported = 0;
    int supported = 0;
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      String shown = sentence.strip();
      if (cut && i == sentences.size() - 1 && !shown.isEmpty()) {
        checks.add(
            new SentenceCheck(
                shown, List.copyOf(cited(sentence)), false, "cut off mid-sentence; not shown"));
        break;
      }
      if (!hasContent(claimText(sentence))) {
        out.append(sentence);
        continue;
      }
      Set<Integer> cited = cited(sentence);
      Verdict v;
      if (cited.isEmpty()) {
        v = judge(sentence, allNumbers(passages.size()), passages);
        v =
            v.supported()
                ? v.withReason("uncited; " + v.reason())
                : v.withReason("uncited; " + v.reason());
      } else {
        v = judge(sentence, cited, passages);
        if (!v.supported()) {
          // Say where it is, when the model merely cited the wrong passage.
          Verdict elsewhere = judge(sentence, allNumbers(passages.size()), passages);
          if (elsewhere.supported()) {
            v =
                v.withReason(
                    v.reason() + "; found in " + markers(elsewhere.support()) + " instead");
          }
        }
      }
      checks.add(new SentenceCheck(shown, List.copyOf(cited), v.supported(), v.reason()));
      if (v.supported()) {
        supported++;
        used.addAll(cited.isEmpty() ? v.support() : cited);
        int end = contentEnd(sentence);
        out.append(
            cited.isEmpty()
                ? sentence.substring(0, end) + uncitedMark + sentence.substring(end)
                : sentence);
        continue;
      }
      unsupported++;
      if (policy == UnsupportedPolicy.MARK) {
        used.addAll(cited);
        int end = contentEnd(sentence);
        out.append(sentence, 0, end).append(mark).append(sentence.substring(end));
      }
    }
    List<Citation> citations = new ArrayList<>();
    for (int n : used) {
      citations.add(new Citation(n, passages.get(n - 1)));
    }
    return new CheckedReply(
        out.toString().strip(),
        citations,
        dropped[0],
        unsupported,
        supported,
        checks,
        declined && supported <= 1,
        cut);
  }

  /** A verdict and the passages that bore it out. */
  record Verdict(boolean supported, String reason, Set<Integer> support) {
    Verdict withReason(String r) {
      return new Verdict(supported, r, support);
    }

    static Verdict no(String reason) {
      return new Verdict(false, reason, Set.of());
    }
  }

  private Verdict judge(String sentence, Set<Integer> sources, List<Hit> passages) {
    List<String> evidence = new ArrayList<>();
    Matcher e = EVIDENCE.matcher(sentence);
    while (e.find()) {
      evidence.add(e.group(1).strip());
    }
    String claim = claimText(EVIDENCE.matcher(sentence).replaceAll(""));
    if (!evidence.isEmpty()) {
      return byEvidence(claim, evidence, sources, passages);
    }
    if (!Language.CHINESE.equals(Language.detect(claim))) {
      return Verdict.no(
          "written in another language than the passages and quotes no 「source phrase」 to check");
    }
    List<String> clauses = clauses(claim);
    Set<Integer> support = new LinkedHashSet<>();
    for (String clause : clauses) {
      Verdict v = clause(clause, sources, passages);
      if (!v.supported()) {
        return clauses.size() > 1
            ? v.withReason("clause “" + clause.strip() + "”: " + v.reason())
            : v;
      }
      support.addAll(v.support());
    }
    return new Verdict(true, "supported by " + markers(support), support);
  }

  // A translated claim stands on the phrase it quotes: verbatim in a cited passage, same numbers,
  // same polarity.
  private Verdict byEvidence(
      String claim, List<String> evidence, Set<Integer> sources, List<Hit> passages) {
    Set<Integer> support = new LinkedHashSet<>();
    StringBuilder quoted = new StringBuilder();
    for (String phrase : evidence) {
      Optional<Integer> where =
          sources.stream()
              .filter(n -> compact(text(passages, n)).contains(compact(phrase)))
              .findFirst();
      if (where.isEmpty()) {
        return Verdict.no("source phrase 「" + phrase + "」 is not in " + markers(sources));
      }
      support.add(where.get());
      quoted.append(phrase).append('。');
    }
    String reference = quoted.toString();
    boolean chinese = Language.CHINESE.equals(Language.detect(claim));
    if (chinese) {
      // A Chinese claim must also hold against the passage sentences its phrases come from.
      Verdict v = judge(claim, support, passages);
      return v.supported()
          ? v.withReason("source phrase found verbatim in " + markers(support) + "; " + v.reason())
          : v;
    }
    Set<String> missing = new LinkedHashSet<>(Numbers.in(claim));
    missing.removeAll(Numbers.in(reference));
    if (!missing.isEmpty()) {
      return Verdict.no(
          "number " + String.join(", ", missing) + " is not in the quoted source phrase");
    }
    if (Negation.in(claim).isPresent() != Negation.in(reference).isPresent()) {
      return Verdict.no("negation differs between the claim and its source phrase");
    }
    return new Verdict(true, "source phrase found verbatim in " + markers(support), support);
  }

  private Verdict clause(String clause, Set<Integer> sources, List<Hit> passages) {
    String norm = analyzer.normalize(clause);
    List<String> words = contentWords(norm);
    Set<String> numbers = Numbers.in(clause);
    List<String> titles = new ArrayList<>();
    Matcher t = TITLE.matcher(clause);
    while (t.find()) {
      titles.add(t.group(1));
    }
    if (words.isEmpty() && numbers.isEmpty() && titles.isEmpty()) {
      return new Verdict(true, "nothing to check", Set.of());
    }
    // The window: the passage sentence that covers the clause best, with its neighbours.
    Window best = null;
    for (int n : sources) {
      List<String> ss = passageSentences(text(passages, n));
      for (int i = 0; i < ss.size(); i++) {
        String core = compact(analyzer.normalize(ss.get(i)));
        String wide =
            compact(
                analyzer.normalize(
                    (i > 0 ? ss.get(i - 1) : "")
                        + ss.get(i)
                        + (i + 1 < ss.size() ? ss.get(i + 1) : "")));
        double score = coverage(words, core) + share(numbers, core) + 0.25 * coverage(words, wide);
        if (best == null || score > best.score) {
          best = new Window(n, core, wide, score, compact(analyzer.normalize(text(passages, n))));
        }
      }
    }
    if (best == null) {
      return Verdict.no("the cited passage has no text");
    }
    String where = "[" + best.passage + "]";
    // Numbers and names must stand in the best sentence itself: a date from the next sentence is
    // another fact.
    Set<String> have = Numbers.in(best.core);
    for (String number : numbers) {
      if (!have.contains(number)) {
        return Verdict.no("number " + number + " is not in " + markers(sources));
      }
    }
    for (String title : titles) {
      if (!best.wide.contains(compact(analyzer.normalize(title)))) {
        return Verdict.no("title 《" + title + "》 is not in " + markers(sources));
      }
    }
    Optional<String> negation = Negation.in(norm);
    if (negation.isPresent() && Negation.in(best.wide).isEmpty()) {
      return Verdict.no("negation “" + negation.get() + "” is not in " + where);
    }
    double total = 0;
    double found = 0;
    for (String w : words) {
      double r = rarity(w);
      total += r;
      if (present(w, best.core)) {
        found += r;
      } else if (r > BORROWED_RARITY && present(w, best.passageText)) {
        // In the passage, but not where the claim's other words are: a detail taken from another
        // fact.
        return Verdict.no(
            "“" + w + "” is in " + where + ", but not in the sentence that states the rest");
      } else if (r > BORROWED_RARITY && substituted(w, compact(norm), best.core).isPresent()) {
        // Same words around it, another word in its place: 以俄罗斯城市命名 against 以中国城市命名.
        return Verdict.no(
            "“"
                + w
                + "” stands where "
                + where
                + " has “"
                + substituted(w, compact(norm), best.core).get()
                + "”");
      } else if (r >= NAME_RARITY || Character.isUpperCase(w.codePointAt(0))) {
        return Verdict.no("“" + w + "” is not in " + markers(sources));
      }
    }
    double share = total == 0 ? 1 : found / total;
    if (share < minSupport) {
      return Verdict.no(
          String.format(
              Locale.ROOT, "only %.0f%% of its content is in %s", 100 * share, markers(sources)));
    }
    return new Verdict(true, "supported by " + where, Set.of(best.passage));
  }

  /**
   * The source's word between the same neighbours as {@code word} in the claim, when it differs.
   */
  static Optional<String> substituted(String word, String claim, String source) {
    int at = claim.indexOf(word);
    if (at < 1 || at + word.length() + 2 > claim.length()) {
      return Optional.empty();
    }
    String left = claim.substring(at - 1, at);
    String right = claim.substring(at + word.length(), at + word.length() + 2);
    if (!(left + right)
        .codePoints()
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      return Optional.empty();
    }
    Matcher m =
        Pattern.compile(Pattern.quote(left) + "(\\p{IsHan}{1,6}?)" + Pattern.quote(right))
            .matcher(source);
    while (m.find()) {
      if (!m.group(1).equals(word) && !m.group(1).contains(word)) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  private record Window(int passage, String core, String wide, double score, String passageText) {}

  private double rarity(String word) {
    // A run of characters smartcn didn't know as one word: rare by definition.
    double r = vocabulary.rarity(word);
    return Double.isNaN(r) ? 1 : r;
  }

  private double coverage(List<String> words, String window) {
    double total = 0;
    double found = 0;
    for (String w : words) {
      double r = rarity(w) + 0.05;
      total += r;
      if (present(w, window)) {
        found += r;
      }
    }
    return total == 0 ? 0 : found / total;
  }

  private static double share(Set<String> numbers, String window) {
    if (numbers.isEmpty()) {
      return 0;
    }
    Set<String> have = Numbers.in(window);
    return (double) numbers.stream().filter(have::contains).count() / numbers.size();
  }

  /**
   * Whether {@code word} is in {@code window}, or its characters are, in order and close together
   * (上合组织 in 上海合作组织).
   */
  static boolean present(String word, String window) {
    if (window.contains(word)) {
      return true;
    }
    if (word.length() < 2 || word.codePoints().anyMatch(c -> c < 0x2E80)) {
      return false;
    }
    int span = word.length() * 2 + 1;
    for (int start = window.indexOf(word.charAt(0));
        start >= 0;
        start = window.indexOf(word.charAt(0), start + 1)) {
      int at = start;
      int k = 1;
      while (k < word.length() && at >= 0 && at - start < span) {
        at = window.indexOf(word.charAt(k), at + 1);
        k++;
      }
      if (at >= 0 && at - start < span && k == word.length()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Content words: smartcn words of two or more characters, and runs of single-character words
   * joined (smartcn cuts names it doesn't know, 杨凌, into characters); fillers, negations and
   * numbers are left out, and a filler character breaks a run.
   */
  List<String> contentWords(String normalized) {
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int searchFrom = 0;
    int runEnd = -1;
    for (String w : analyzer.words(normalized)) {
      String lower = w.toLowerCase(Locale.ROOT);
      int at = normalized.indexOf(w, searchFrom);
      if (at >= 0) {
        searchFrom = at + w.length();
      }
      boolean skip =
          FILLER.contains(lower)
              || QueryAnalyzer.isQuestionWord(lower)
              || Negation.in(lower).filter(lower::equals).isPresent()
              || lower.codePoints().allMatch(c -> Character.isDigit(c) || NUMERIC.indexOf(c) >= 0);
      if (w.length() == 1 && !skip && lower.codePoints().allMatch(c -> c >= 0x2E80)) {
        if (run.length() > 0 && at != runEnd) {
          flush(run, out);
        }
        run.append(lower);
        runEnd = at + 1;
        continue;
      }
      flush(run, out);
      if (!skip
          && (w.length() >= 2 && lower.codePoints().anyMatch(c -> c >= 0x2E80)
              || w.length() >= 3)) {
        out.add(lower);
      }
    }
    flush(run, out);
    return out;
  }

  private static void flush(StringBuilder run, List<String> out) {
    if (run.length() >= 2) {
      out.add(run.toString());
    }
    run.setLength(0);
  }

  private static String claimText(String sentence) {
    return LIST_BULLET
        .matcher(CANONICAL_MARKER.matcher(sentence).replaceAll(""))
        .replaceFirst("")
        .strip();
  }

  private static boolean hasContent(String claim) {
    return claim.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static List<String> clauses(String claim) {
    if (claim.length() <= CLAUSE_SPLIT_CHARS) {
      return List.of(claim);
    }
    List<String> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String part : CLAUSE_END.split(claim)) {
      pending.append(part);
      // A clause too short to stand alone (a date, a subject) is read with what follows.
      if (pending.codePoints().filter(Character::isLetterOrDigit).count() >= 10) {
        out.add(pending.toString());
        pending.setLength(0);
      }
    }
    if (pending.length() > 0) {
      if (out.isEmpty() || pending.codePoints().filter(Character::isLetterOrDigit).count() >= 4) {
        out.add(pending.toString());
      } else {
        out.set(out.size() - 1, out.get(out.size() - 1) + pending);
      }
    }
    return out;
  }

  private static List<String> passageSentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SOURCE_SENTENCE.split(text)) {
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  private static String text(List<Hit> passages, int n) {
    return passages.get(n - 1).passage().text();
  }

  /** Width-folded, lower-case, without whitespace: the form verbatim comparison is made in. */
  static String compact(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", "");
  }

  private static Set<Integer> allNumbers(int count) {
    Set<Integer> all = new LinkedHashSet<>();
    for (int i = 1; i <= count; i++) {
      all.add(i);
    }
    return all;
  }

  private static String markers(Set<Integer> ns) {
    StringBuilder b = new StringBuilder();
    ns.forEach(n -> b.append('[').append(n).append(']'));
    return b.length() == 0 ? "the passages" : b.toString();
  }

  /** Whether the reply says the passages don't answer the question. */
  static boolean declines(String text) {
    return NO_ANSWER.matcher(CANONICAL_MARKER.matcher(text).replaceAll("")).find();
  }

  // A sentence is complete when it ends in a terminator, a closer or a citation marker.
  private static boolean complete(String sentence) {
    String s = sentence.strip();
    if (s.isEmpty()) {
      return true;
    }
    char last = s.charAt(s.length() - 1);
    return TERMINATORS.indexOf(last) >= 0
        || CLOSERS.indexOf(last) >= 0
        || last == ']'
        || last == '.'
        || last == '：'
        || last == ':';
  }

  /**
   * Rewrites every marker as {@code [a][b]} ({@code [1-3]} as {@code [1][2][3]}), dropping numbers
   * outside 1..count and counting them.
   */
  static String normaliseMarkers(String text, int count, int[] dropped) {
    Matcher m = ANY_MARKER.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      Set<Integer> valid = new LinkedHashSet<>();
      for (String part : m.group(2).split("\\s*[,，、;；]\\s*")) {
        String[] range = part.strip().split("\\s*[-–~～]\\s*");
        int from = parse(range[0]);
        int to = range.length > 1 ? parse(range[1]) : from;
        if (from < 0 || to < from || to - from > 20) {
          dropped[0]++;
          continue;
        }
        for (int n = from; n <= to; n++) {
          if (n >= 1 && n <= count) {
            valid.add(n);
          } else {
            dropped[0]++;
          }
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
   * Splits text into sentences that concatenate back to it. A sentence ends at 。！？!?…, at a full
   * stop followed by space, or at a line break; closing quotes and citation markers right after the
   * end belong to it ("…成立。[1]").
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
    if (digits.isEmpty()) {
      return -1;
    }
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
