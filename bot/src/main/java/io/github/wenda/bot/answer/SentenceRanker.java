package io.github.wenda.bot.answer;

import io.github.wenda.bot.question.ExpectedType;
import io.github.wenda.bot.question.QuestionAnalysis;
import io.github.wenda.bot.question.QuestionAnalyzer;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Scores every sentence of the top passages as the answer to an analysed question, with lexical
 * work only (no embedding at question time; the passage's own vector score from search stands in
 * for meaning). A typed question's sentence scores for carrying an instance of the type in the same
 * clause as the question's words, not for merely sharing them.
 */
final class SentenceRanker {
  // Weights: words carry most; the typed instance decides between sentences that share the words;
  // search's rank and vector score break the remaining ties.
  static final double W_LEXICAL = 0.55;
  static final double W_BIGRAM = 0.15;
  static final double W_RANK = 0.08;
  static final double W_VECTOR = 0.07;
  static final double W_TYPE = 0.35;
  static final double W_CUE = 0.12;

  /** An instance found by several sentences is more likely the answer (answer redundancy). */
  static final double W_REDUNDANCY = 0.04;

  static final double NOT_ANSWER_PENALTY = 0.6;
  static final double SIDE_KIND_PENALTY = 0.04;

  /** A heading (a title, an author line) shares the topic's words but states nothing. */
  static final double HEADING_PENALTY = 0.25;

  /**
   * A sentence about another occasion of what the question counts (第三次…会议 for 第二次…会议) shares every
   * word but the number and may carry the asked type (the third meeting's city): more than {@link
   * #W_TYPE}, so it never opens an answer above the sentence about the occasion asked.
   */
  static final double OTHER_OCCASION_PENALTY = 0.5;

  private static final int MAX_HEADING_CHARS = 40;

  private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,；;：:]");
  private static final Pattern REASON_CUE = Pattern.compile("(因为|由于|原因|之所以|在于|为了|旨在|是因|缘于|出于)");
  private static final Pattern METHOD_CUE =
      Pattern.compile("(通过|采取|借助|依靠|推动|加强|建立|举措|措施|方式|途径|办法|应被|应当|应该|需要|有必要|亟需|建议)");
  private static final Pattern DEFINITION_CUE =
      Pattern.compile("(是指|指的是|即|是一|是一种|是一个|的内涵|内涵是|包括|被称为|概括为)");

  /** A question about what became of something (后来怎么样, 结果如何). */
  static final Pattern ASKS_OUTCOME =
      Pattern.compile("(后来|结果|最终|最后|之后|如今|现在)(怎么样|怎样|如何|呢|发生了什么|变成|成了|成为)");

  /** A sentence that tells an outcome: replaced, merged, renamed, dissolved, turned into. */
  static final Pattern OUTCOME_CUE =
      Pattern.compile(
          "(被[^，。；]{0,12}(取代|替代|合并|吸收|接替|兼并)|取代|并入|解散|更名|改名|改组为|合并为|演变为|发展为|升级为|转变为|终止|撤销|不复存在)");

  /** After the defined term at a sentence's start: the verb that defines it (X是指…, “X”原则，即…). */
  static final Pattern DEFINING_VERB =
      Pattern.compile("^[”\"』」》）)]?[^，。；：]{0,8}?[，,]?(是指|指的是|即|指|就是|是一种|是一个|是一项)");

  private final QuestionAnalyzer analyzer;
  private final ToDoubleFunction<String> idf;
  private final SentenceSplitter splitter = new SentenceSplitter();

  /** Sentence bounds and match forms per passage: computed once per passage, not per question. */
  private final Map<String, Split> splits =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Split> eldest) {
              return size() > MAX_CACHED_PASSAGES;
            }
          });

  private static final int MAX_CACHED_PASSAGES = 20_000;

  private record Split(List<int[]> bounds, List<String> match, List<Set<String>> bigrams) {}

  private Split split(io.github.wenda.retrieval.api.Passage p) {
    String key = p.id() + ":" + p.text().hashCode();
    Split cached = splits.get(key);
    if (cached != null) {
      return cached;
    }
    List<int[]> bounds = splitter.split(p.text(), 0, p.text().length());
    List<String> match = new ArrayList<>();
    for (int[] b : bounds) {
      String normalized = QuestionAnalyzer.matchForm(p.text().substring(b[0], b[1]));
      List<String> other = analyzer.aliases().of(normalized);
      match.add(other.isEmpty() ? normalized : normalized + " " + String.join(" ", other));
    }
    Split s = new Split(bounds, match, match.stream().map(Bigrams::of).toList());
    splits.put(key, s);
    return s;
  }

  SentenceRanker(QuestionAnalyzer analyzer, ToDoubleFunction<String> idf) {
    this.analyzer = analyzer;
    this.idf = idf;
  }

  QuestionAnalyzer analyzer() {
    return analyzer;
  }

  /**
   * All candidate sentences of the first {@code passages} hits, best first, and per passage in
   * order.
   */
  record Ranking(
      List<Candidate> best,
      Map<Integer, List<Candidate>> byHit,
      TermOverlap overlap,
      int passages) {
    boolean isEmpty() {
      return best.isEmpty();
    }

    /** The best candidate that may be quoted as the answer. */
    Optional<Candidate> top() {
      return best.stream().filter(Candidate::answerLike).findFirst();
    }
  }

  /** Terms worth marking in cited passages: the question's words and their aliases. */
  List<String> highlightTerms(QuestionAnalysis q) {
    List<String> out = new ArrayList<>(analyzer.highlightTerms(q.normalized()));
    q.aliasWords().stream().filter(w -> !out.contains(w)).forEach(out::add);
    return out;
  }

  /**
   * The last ranking, by its inputs: the decline decision and the composer rank the same hits once.
   */
  private volatile Object[] last = new Object[3];

  Ranking rank(QuestionAnalysis q, List<Hit> hits, int passages) {
    Object[] memo = last;
    if (memo[0] == q
        && memo[1] == hits
        && memo[2] instanceof Ranking r
        && r.passages() == passages) {
      return r;
    }
    Ranking r = compute(q, hits, passages);
    last = new Object[] {q, hits, r};
    return r;
  }

  private Ranking compute(QuestionAnalysis q, List<Hit> hits, int passages) {
    TermOverlap overlap =
        new TermOverlap(q.keyWords().isEmpty() ? q.contentWords() : q.keyWords(), idf);
    Set<String> questionBigrams = Bigrams.of(q.normalized());
    List<String> anchors = anchors(q);
    boolean asksOutcome = ASKS_OUTCOME.matcher(q.normalized()).find();
    Optional<Grounding.AskedOrdinal> ordinal = Grounding.AskedOrdinal.of(q);
    // The fused score of the two lists, not the sort key: the sort key adds search's sentence
    // evidence, which the lexical terms below already measure sentence by sentence.
    double topFused = hits.stream().mapToDouble(h -> h.details().fused()).max().orElse(1);
    topFused = Math.max(1e-9, topFused);
    Map<Integer, List<Candidate>> byHit = new HashMap<>();
    List<Candidate> all = new ArrayList<>();
    Map<String, Integer> instanceCounts = new HashMap<>();
    for (int h = 0; h < Math.min(passages, hits.size()); h++) {
      Hit hit = hits.get(h);
      String text = hit.passage().text();
      List<Candidate> sentences = new ArrayList<>();
      Split split = split(hit.passage());
      for (int i = 0; i < split.bounds().size(); i++) {
        int[] b = split.bounds().get(i);
        String s = text.substring(b[0], b[1]);
        String match = split.match().get(i);
        String normalized = match;
        double coverage = overlap.coverage(match);
        boolean answerLike = q.asksForSource() || NotAnswers.isAnswer(s);
        String[] bound = bind(q, s, anchors);
        double score =
            W_LEXICAL * coverage
                + W_BIGRAM * Bigrams.shareFound(questionBigrams, split.bigrams().get(i), 0)
                + W_RANK * hit.details().fused() / topFused
                + W_VECTOR * Math.max(0, hit.details().vectorScore())
                + (bound != null ? W_TYPE * Double.parseDouble(bound[2]) : 0)
                // 后来怎么样 asks what became of it, not how (怎么): the outcome cue replaces the method
                // cue.
                + (q.expected() == ExpectedType.DEFINITION && defines(normalized, q) ? W_TYPE : 0)
                + (asksOutcome
                    ? (OUTCOME_CUE.matcher(normalized).find() ? W_CUE : 0)
                    : cue(q.expected(), normalized, q) ? W_CUE : 0)
                - (answerLike ? 0 : NOT_ANSWER_PENALTY)
                - (heading(s) ? HEADING_PENALTY : 0)
                - (ordinal.isPresent() && ordinal.get().in(match) < 0 ? OTHER_OCCASION_PENALTY : 0)
                - (hit.passage().kind() == SegmentKind.BODY ? 0 : SIDE_KIND_PENALTY);
        Candidate c =
            new Candidate(
                h,
                i,
                b[0],
                b[1],
                s,
                match,
                coverage,
                score,
                Optional.ofNullable(bound == null ? null : bound[0]),
                Optional.ofNullable(bound == null ? null : bound[1]),
                bound == null ? 0 : Double.parseDouble(bound[3]),
                answerLike);
        if (bound != null) {
          instanceCounts.merge(bound[0].replaceAll("\\s+", ""), 1, Integer::sum);
        }
        sentences.add(c);
        all.add(c);
      }
      byHit.put(h, sentences);
    }
    List<Candidate> scored = new ArrayList<>();
    for (Candidate c : all) {
      int n =
          c.instance().map(x -> instanceCounts.getOrDefault(x.replaceAll("\\s+", ""), 1)).orElse(1);
      scored.add(n > 1 ? c.withScore(c.score() + W_REDUNDANCY * Math.min(n - 1, 3)) : c);
    }
    Map<Integer, List<Candidate>> rescoredByHit = new HashMap<>();
    for (Candidate c : scored) {
      rescoredByHit.computeIfAbsent(c.hit(), x -> new ArrayList<>()).add(c);
    }
    scored.sort(BY_SCORE);
    return new Ranking(List.copyOf(scored), rescoredByHit, overlap, passages);
  }

  /**
   * The sentence defines a term of the question: it opens with the term (quoted or not) and a
   * defining verb follows at once, the form a definition question asks for.
   */
  static boolean defines(String normalized, QuestionAnalysis q) {
    String s = normalized.strip().replaceFirst("^[“\"『「《（(]", "");
    for (String w : q.keyWords()) {
      if (w.length() >= 2
          && s.startsWith(w)
          && DEFINING_VERB.matcher(s.substring(w.length())).find()) {
        return true;
      }
    }
    return false;
  }

  /** A short line without any punctuation: a title or a byline, not a statement. */
  static boolean heading(String sentence) {
    String s = sentence.strip();
    return s.length() <= MAX_HEADING_CHARS
        && s.codePoints().noneMatch(c -> "，。；：、！？,.;:!?”）)".indexOf(c) >= 0);
  }

  static final Comparator<Candidate> BY_SCORE =
      Comparator.comparingDouble((Candidate c) -> -c.score())
          .thenComparingInt(Candidate::hit)
          .thenComparingInt(Candidate::index);

  /**
   * The typed instance in {@code sentence} bound to the question: {instance, display clause,
   * strength}. Bound means in a clause that also holds a question word (or the clause right after
   * one, for 成立于…，…); an instance elsewhere in the sentence counts half.
   */
  private String[] bind(QuestionAnalysis q, String sentence, List<String> anchors) {
    if (!q.expected().typed()) {
      return null;
    }
    List<int[]> clauses = clauses(sentence);
    boolean[] hasWord = new boolean[clauses.size()];
    String[] forms = new String[clauses.size()];
    for (int i = 0; i < clauses.size(); i++) {
      forms[i] =
          QuestionAnalyzer.matchForm(sentence.substring(clauses.get(i)[0], clauses.get(i)[1]));
      String f = forms[i];
      hasWord[i] = anchors.stream().anyMatch(f::contains);
    }
    String[] best = null;
    double bestStrength = 0;
    for (int i = 0; i < clauses.size(); i++) {
      Optional<TypeInstances.Instance> inst =
          TypeInstances.find(
              q.expected(), forms[i], sentence.substring(clauses.get(i)[0], clauses.get(i)[1]));
      if (inst.isEmpty() || !measured(q, inst.get().text())) {
        continue;
      }
      // Same clause binds surely; the clause next to one with the question's words
      // (2001年6月15日，上合组织…成立) nearly so.
      double binding =
          hasWord[i]
              ? 1.0
              : (i > 0 && hasWord[i - 1]) || (i + 1 < clauses.size() && hasWord[i + 1]) ? 0.9 : 0.5;
      // The instance must not be the question's own words (上合组织 is no answer to 哪个组织).
      String found = inst.get().text();
      if (q.matchWords().stream().anyMatch(w -> w.equals(found))
          || q.normalized().contains(found)) {
        binding *= 0.3;
      }
      double strength = binding * inst.get().strength();
      if (strength > bestStrength) {
        bestStrength = strength;
        String display = sentence.substring(clauses.get(i)[0], clauses.get(i)[1]);
        best =
            new String[] {
              found, display.strip(), Double.toString(strength), Double.toString(binding)
            };
      }
    }
    return best;
  }

  /**
   * The words a typed instance must stand beside: the question's specific words (rare in the
   * documents, like 欧盟 or 宣告), else all its key words, with their aliases.
   */
  List<String> anchors(QuestionAnalysis q) {
    List<String> specific =
        q.keyWords().stream().filter(w -> idf.applyAsDouble(w) >= Grounding.SPECIFIC_IDF).toList();
    List<String> out = new ArrayList<>(specific.isEmpty() ? q.keyWords() : specific);
    out.addAll(q.aliasWords());
    return out;
  }

  /** The measure word a number question names (多少条, 几次): its answer is counted in it. */
  private static final Pattern ASKED_MEASURE =
      Pattern.compile("(?:多少|几)(个|次|份|项|国|名|家|届|倍|种|条|位|人|天|场|批|轮|座|所)");

  /**
   * Whether a number instance is counted in the measure word the question asks for: 一个方向 is no
   * answer to 多少条. Questions that name no measure word take any number.
   */
  static boolean measured(QuestionAnalysis q, String instance) {
    if (q.expected() != ExpectedType.NUMBER) {
      return true;
    }
    var m = ASKED_MEASURE.matcher(q.normalized());
    if (!m.find()) {
      return true;
    }
    String measure = m.group(1);
    // 国 and 个 count the same things (9个国家, 9国); 位 and 人, 名 count people.
    String unit = instance.replaceAll("[\\d.一二三四五六七八九十百千万两\\s%％多余]", "");
    return unit.isEmpty() || unit.startsWith(measure) || sameCount(measure, unit);
  }

  private static boolean sameCount(String asked, String found) {
    String[][] kin = {{"个", "国", "家", "项", "种", "座", "所"}, {"位", "人", "名"}, {"次", "届", "场", "轮"}};
    for (String[] k : kin) {
      List<String> group = List.of(k);
      if (group.contains(asked) && group.contains(found.substring(0, 1))) {
        return true;
      }
    }
    return false;
  }

  static List<int[]> clauses(String sentence) {
    List<int[]> out = new ArrayList<>();
    var m = CLAUSE_BREAK.matcher(sentence);
    int start = 0;
    while (m.find()) {
      if (m.start() > start) {
        out.add(new int[] {start, m.start()});
      }
      start = m.end();
    }
    if (start < sentence.length()) {
      out.add(new int[] {start, sentence.length()});
    }
    return out;
  }

  private static boolean cue(ExpectedType type, String normalized, QuestionAnalysis q) {
    return switch (type) {
      case REASON -> REASON_CUE.matcher(normalized).find();
      case METHOD -> METHOD_CUE.matcher(normalized).find();
      case DEFINITION ->
          !q.focus().entity().isEmpty()
              && normalized.contains(q.focus().entity())
              && DEFINITION_CUE.matcher(normalized).find();
      default -> false;
    };
  }
}
