package io.github.wenda.bot.answer;

import io.github.wenda.bot.question.ExpectedType;
import io.github.wenda.bot.question.QuestionAnalysis;
import io.github.wenda.bot.question.QuestionAnalyzer;
import io.github.wenda.bot.question.QuestionParts;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The offline answer: the answer-bearing sentence first, then supporting quotes, each verbatim and
 * followed by its citation; for list questions the enumeration's items, numbered, each cited.
 * Nothing is written but the documents' own sentences, so every word can be checked against its
 * source.
 *
 * <p>Sentences of the top passages are ranked by {@link SentenceRanker} with lexical work only:
 * nothing is embedded at question time. A sentence that opens by referring back (它, 该组织, 此外 …)
 * brings the sentence before it, which carries its subject.
 */
public final class ExtractiveComposer implements AnswerComposer {
  /** Limits on what is quoted: sentences, characters, and how many top passages are read. */
  public record Limits(int maxSentences, int maxChars, int passages) {
    public Limits {
      if (maxSentences < 1 || maxChars < 20 || passages < 1) {
        throw new IllegalArgumentException(
            "extractive limits must be positive, but are: "
                + maxSentences
                + ", "
                + maxChars
                + ", "
                + passages);
      }
    }
  }

  static final String QUOTED_IN_CHINESE = "Quoted from the documents, which are in Chinese.";

  /** A further sentence must score this share of the best one: answers stay short and on point. */
  private static final double SECOND_SENTENCE_SHARE = 0.8;

  /**
   * A lower-ranked sentence may still join when it holds question words no chosen sentence holds (a
   * question asking two things is often answered in two places), if it scores this share.
   */
  private static final double COVERING_SENTENCE_SHARE = 0.4;

  /**
   * The sentence answering a later ask, when the best one is taken, must score this share of the
   * best.
   */
  private static final double NEXT_ASK_SHARE = 0.7;

  /** A list is only gathered from a sentence that holds this share of the question's words. */
  private static final double LIST_MIN_COVERAGE = 0.5;

  private static final int MAX_LIST_ITEMS = 12;

  /** How much less of the question a list's sentence may hold than the best sentence does. */
  private static final double LIST_COVERAGE_SLACK = 0.2;

  private static final String[] REFERRING_OPENINGS = {
    "它", "其", "该", "这", "此", "他们", "她们", "双方", "同时", "此外", "另外", "但", "而", "因此", "所以", "对此", "为此",
    "其中"
  };

  private final SentenceRanker ranker;
  private final Limits limits;
  private final Neighbours neighbours;
  private final SentenceSplitter splitter = new SentenceSplitter();

  public ExtractiveComposer(
      QuestionAnalyzer analyzer,
      ToDoubleFunction<String> idf,
      Limits limits,
      Neighbours neighbours) {
    this.ranker = new SentenceRanker(analyzer, idf);
    this.limits = limits;
    this.neighbours = neighbours;
  }

  public ExtractiveComposer(
      QuestionAnalyzer analyzer, ToDoubleFunction<String> idf, Limits limits) {
    this(analyzer, idf, limits, Neighbours.none());
  }

  SentenceRanker ranker() {
    return ranker;
  }

  @Override
  public Answer compose(AnswerRequest request, List<Hit> hits, TokenSink sink) {
    if (hits.isEmpty()) {
      return Answer.notFound(List.of(), List.of());
    }
    QuestionAnalysis q = request.analysis();
    SentenceRanker.Ranking ranking = ranker.rank(q, hits, limits.passages());
    Optional<Candidate> top = ranking.top();
    if (top.isEmpty()) {
      return Answer.notFound(hits, List.of());
    }
    List<String> notes =
        Language.CHINESE.equals(request.language()) ? List.of() : List.of(QUOTED_IN_CHINESE);
    TermOverlap marks = new TermOverlap(ranker.highlightTerms(q), w -> 1.0);
    List<List<Candidate>> asks = asks(q, hits);
    if (asks.size() > 1) {
      Answer answer = quotes(q, hits, ranking, asks, top.get(), marks, notes);
      sink.token(answer.text());
      return answer;
    }
    if (q.expected() == ExpectedType.LIST || ListGatherer.startsList(top.get().text())) {
      Optional<Answer> list = list(q, hits, ranking, marks, notes);
      if (list.isPresent()) {
        sink.token(list.get().text());
        return list.get();
      }
    }
    Answer answer = quotes(q, hits, ranking, List.of(), top.get(), marks, notes);
    sink.token(answer.text());
    return answer;
  }

  /**
   * For a question asking two or three things (是什么？如何…？ / 谁写的、哪家出版社出的), the sentences that best
   * answer each ask, ranked on that ask alone; empty when it asks one thing or one sentence answers
   * every ask.
   */
  private List<List<Candidate>> asks(QuestionAnalysis q, List<Hit> hits) {
    List<QuestionAnalysis> parts = QuestionParts.analyze(ranker.analyzer(), q);
    if (parts.size() < 2) {
      return List.of();
    }
    List<List<Candidate>> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (QuestionAnalysis part : parts) {
      SentenceRanker.Ranking r = ranker.rank(part, hits, limits.passages());
      Optional<Candidate> top = r.top();
      if (top.isEmpty()) {
        continue;
      }
      // An ask whose best sentence already answers an earlier ask gets its next best, if close.
      Optional<Candidate> best =
          r.best().stream()
              .filter(
                  c ->
                      c.answerLike()
                          && !seen.contains(c.text())
                          && c.score() >= NEXT_ASK_SHARE * top.get().score())
              .findFirst();
      if (best.isEmpty()) {
        continue;
      }
      List<Candidate> group = withAnnounced(withAntecedent(best.get(), r), r);
      group.forEach(c -> seen.add(c.text()));
      out.add(group);
    }
    return out.size() > 1 ? out : List.of();
  }

  /**
   * The best sentence alone on the first line (or, for a question that asks several things, the
   * best sentence for each ask, each cited), then supporting sentences grouped by passage.
   */
  private Answer quotes(
      QuestionAnalysis q,
      List<Hit> hits,
      SentenceRanker.Ranking ranking,
      List<List<Candidate>> asks,
      Candidate top,
      TermOverlap marks,
      List<String> notes) {
    List<Candidate> first =
        asks.isEmpty()
            ? withContinuation(q, withAnnounced(withAntecedent(top, ranking), ranking), ranking)
            : asks.stream().flatMap(List::stream).toList();
    List<Candidate> chosen = new ArrayList<>(first);
    int chars = first.stream().mapToInt(c -> c.text().length()).sum();
    for (Candidate c : ranking.best()) {
      if (chosen.size() >= limits.maxSentences()) {
        break;
      }
      if (chosen.contains(c)
          || !c.answerLike()
          || c.score() < SECOND_SENTENCE_SHARE * top.score()
          || chars + c.text().length() > limits.maxChars()
          || duplicates(c, chosen)) {
        continue;
      }
      for (Candidate x : withAntecedent(c, ranking)) {
        if (!chosen.contains(x)) {
          chosen.add(x);
          chars += x.text().length();
        }
      }
    }
    addCovering(chosen, ranking, top, chars);
    List<Candidate> rest = new ArrayList<>(chosen.subList(first.size(), chosen.size()));
    Map<Integer, Double> bestOfHit = new LinkedHashMap<>();
    rest.forEach(c -> bestOfHit.merge(c.hit(), c.score(), Math::max));
    rest.sort(
        Comparator.comparingDouble((Candidate c) -> -bestOfHit.get(c.hit()))
            .thenComparingInt(Candidate::hit)
            .thenComparingInt(Candidate::index));
    Citations citations = new Citations(hits, marks);
    StringBuilder text = new StringBuilder();
    if (asks.isEmpty()) {
      text.append(line(first, hits))
          .append(announcedBeyond(first, ranking, hits))
          .append('[')
          .append(citations.of(top.hit()))
          .append(']');
    } else {
      for (List<Candidate> group : asks) {
        // Each ask's sentences may come from different passages: each stretch is cited by its own.
        int i = 0;
        while (i < group.size()) {
          int hit = group.get(i).hit();
          List<Candidate> same = new ArrayList<>();
          while (i < group.size() && group.get(i).hit() == hit) {
            same.add(group.get(i++));
          }
          text.append(line(same, hits)).append('[').append(citations.of(hit)).append(']');
        }
      }
    }
    int i = 0;
    while (i < rest.size()) {
      int hit = rest.get(i).hit();
      List<Candidate> group = new ArrayList<>();
      while (i < rest.size() && rest.get(i).hit() == hit) {
        group.add(rest.get(i++));
      }
      text.append('\n').append(line(group, hits)).append('[').append(citations.of(hit)).append(']');
    }
    return Answer.found(text.toString(), citations.list(), notes, top.instance().orElse(""));
  }

  /**
   * A question asking for measures, ways or items (哪些办法, 如何) without a numbered list is often
   * answered by the best sentence and the ones right after it that add to it (同时，… 此外，还可…): those
   * join the first line, verbatim, within the character and sentence limits.
   */
  private List<Candidate> withContinuation(
      QuestionAnalysis q, List<Candidate> first, SentenceRanker.Ranking ranking) {
    if (q.expected() != ExpectedType.LIST && q.expected() != ExpectedType.METHOD) {
      return first;
    }
    List<Candidate> out = new ArrayList<>(first);
    int chars = first.stream().mapToInt(c -> c.text().length()).sum();
    List<Candidate> own = ranking.byHit().get(first.get(0).hit());
    Candidate last = out.get(out.size() - 1);
    while (out.size() < limits.maxSentences()) {
      int next = last.index() + 1;
      Candidate c = own.stream().filter(x -> x.index() == next).findFirst().orElse(null);
      if (c == null
          || !c.answerLike()
          || !adds(c.text())
          || chars + c.text().length() > limits.maxChars()) {
        break;
      }
      out.add(c);
      chars += c.text().length();
      last = c;
    }
    return out;
  }

  private static final String[] ADDING_OPENINGS = {
    "同时", "此外", "另外", "还可", "还应", "还要", "并且", "而且", "再者", "其次", "再次", "最后"
  };

  static boolean adds(String sentence) {
    String s = sentence.strip();
    for (String opening : ADDING_OPENINGS) {
      if (s.startsWith(opening)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Sentences from further down the ranking, in any passage, that bring question words the chosen
   * ones lack: the second half of a two-part question, or the detail a near-duplicate top sentence
   * left out. Bounded by the same sentence and character limits as every quote.
   */
  private int addCovering(
      List<Candidate> chosen, SentenceRanker.Ranking ranking, Candidate top, int chars) {
    TermOverlap overlap = ranking.overlap();
    Set<String> covered = new HashSet<>();
    chosen.forEach(c -> covered.addAll(overlap.matched(c.match())));
    for (Candidate c : ranking.best()) {
      if (chosen.size() >= limits.maxSentences()) {
        return chars;
      }
      if (chosen.contains(c)
          || !c.answerLike()
          || c.score() < COVERING_SENTENCE_SHARE * top.score()
          || duplicates(c, chosen)) {
        continue;
      }
      List<String> fresh =
          overlap.matched(c.match()).stream().filter(w -> !covered.contains(w)).toList();
      if (fresh.isEmpty()) {
        continue;
      }
      List<Candidate> with =
          withAntecedent(c, ranking).stream().filter(x -> !chosen.contains(x)).toList();
      int length = with.stream().mapToInt(x -> x.text().length()).sum();
      if (chars + length > limits.maxChars()
          || chosen.size() + with.size() > limits.maxSentences()) {
        continue;
      }
      chosen.addAll(with);
      chars += length;
      covered.addAll(fresh);
    }
    return chars;
  }

  /**
   * Sentences of one passage as one quote: adjacent ones with the text between them, gaps as an
   * ellipsis.
   */
  private static String line(List<Candidate> group, List<Hit> hits) {
    String passage = hits.get(group.get(0).hit()).passage().text();
    StringBuilder quote = new StringBuilder();
    Candidate previous = null;
    for (Candidate c : group) {
      if (previous != null) {
        quote.append(
            c.index() == previous.index() + 1
                ? passage.substring(previous.end(), c.start()).strip()
                : "……");
      }
      quote.append(c.text());
      previous = c;
    }
    return quote.toString().replace('\n', ' ');
  }

  private static boolean duplicates(Candidate c, List<Candidate> chosen) {
    // Overlapping passages repeat sentences; the same words twice tell the reader nothing new.
    return chosen.stream().anyMatch(x -> x.text().equals(c.text()));
  }

  private List<Candidate> withAntecedent(Candidate c, SentenceRanker.Ranking ranking) {
    if (refersBack(c.text()) && c.index() > 0) {
      List<Candidate> own = ranking.byHit().get(c.hit());
      Candidate previous =
          own.stream().filter(x -> x.index() == c.index() - 1).findFirst().orElse(null);
      if (previous != null && previous.answerLike()) {
        return List.of(previous, c);
      }
    }
    return List.of(c);
  }

  /**
   * A sentence that ends announcing what follows (具有鲜明的特色：) says nothing alone: the sentence after
   * it in the passage, which holds what was announced, joins it.
   */
  private static List<Candidate> withAnnounced(
      List<Candidate> first, SentenceRanker.Ranking ranking) {
    Candidate last = first.get(first.size() - 1);
    if (!announces(last.text())) {
      return first;
    }
    Candidate next =
        ranking.byHit().get(last.hit()).stream()
            .filter(x -> x.index() == last.index() + 1)
            .findFirst()
            .orElse(null);
    if (next == null || !next.answerLike()) {
      return first;
    }
    List<Candidate> out = new ArrayList<>(first);
    out.add(next);
    return out;
  }

  /**
   * When the announcing sentence ends its passage, what it announces opens the next passage of the
   * same section: that first sentence, verbatim, or nothing.
   */
  private String announcedBeyond(
      List<Candidate> first, SentenceRanker.Ranking ranking, List<Hit> hits) {
    Candidate last = first.get(first.size() - 1);
    if (!announces(last.text())
        || ranking.byHit().get(last.hit()).stream().anyMatch(x -> x.index() == last.index() + 1)) {
      return "";
    }
    Passage p = hits.get(last.hit()).passage();
    Optional<Passage> next = neighbours.next(p).filter(n -> n.section().equals(p.section()));
    if (next.isEmpty()) {
      return "";
    }
    List<String> sentences = splitter.sentences(next.get().text());
    // Overlapping passages repeat the announcing sentence: continue after it.
    int at = sentences.indexOf(last.text());
    String following =
        at >= 0
            ? (at + 1 < sentences.size() ? sentences.get(at + 1) : "")
            : sentences.isEmpty() ? "" : sentences.get(0);
    return NotAnswers.isAnswer(following) ? following.replace('\n', ' ') : "";
  }

  static boolean announces(String sentence) {
    String s = sentence.strip();
    return s.endsWith("：") || s.endsWith(":");
  }

  /**
   * A numbered list gathered from the best sentence that opens an enumeration, running on into the
   * passages that follow it in the document when the stated count is not yet reached.
   */
  private Optional<Answer> list(
      QuestionAnalysis q,
      List<Hit> hits,
      SentenceRanker.Ranking ranking,
      TermOverlap marks,
      List<String> notes) {
    double bestCoverage = ranking.top().map(Candidate::coverage).orElse(0.0);
    for (Candidate c : ranking.best()) {
      // A list far less on topic than the best sentence answers another question (特色 for 特征):
      // the best sentence, which may name the items itself (以…、…为特征), is quoted instead.
      if (c.coverage() < LIST_MIN_COVERAGE || c.coverage() < bestCoverage - LIST_COVERAGE_SLACK) {
        break;
      }
      List<Candidate> own = ranking.byHit().get(c.hit());
      // The enumeration may start in the sentence itself or in the one after a lead sentence.
      for (int start = c.index(); start <= Math.min(c.index() + 1, own.size() - 1); start++) {
        if (!ListGatherer.startsList(own.get(start).text())) {
          continue;
        }
        List<Hit> parts = new ArrayList<>();
        parts.add(hits.get(c.hit()));
        List<List<String>> texts = new ArrayList<>();
        texts.add(own.stream().map(Candidate::text).toList());
        Passage p = hits.get(c.hit()).passage();
        for (int more = 0; more < 2; more++) {
          Optional<Passage> next = neighbours.next(p);
          if (next.isEmpty() || !next.get().section().equals(p.section())) {
            break;
          }
          p = next.get();
          parts.add(hitFor(p, hits));
          texts.add(splitter.sentences(p.text()));
        }
        Optional<ListGatherer.Gathered> g = ListGatherer.gather(texts, start, q.listCount());
        if (g.isEmpty()) {
          continue;
        }
        List<Hit> all = new ArrayList<>(hits);
        parts.stream().filter(h -> !all.contains(h)).forEach(all::add);
        Citations citations = new Citations(all, marks);
        StringBuilder text = new StringBuilder();
        String lead =
            g.get().lead().isEmpty() && start > c.index()
                ? own.get(c.index()).text()
                : g.get().lead();
        List<ListGatherer.Item> items = g.get().items();
        Optional<ListGatherer.Item> asked =
            q.expected() == ExpectedType.LIST
                ? Optional.empty()
                : itemAsked(items, lead, ranking.overlap());
        if (asked.isPresent()) {
          // Not a list question, but its answer is one item of a list: that item first, with the
          // lead that says what it is part of.
          ListGatherer.Item item = asked.get();
          String joint =
              lead.isEmpty() ? "" : lead.replace('\n', ' ') + (item == items.get(0) ? "" : "……");
          text.append(joint)
              .append(item.text().replace('\n', ' ').strip())
              .append('[')
              .append(citations.of(all.indexOf(parts.get(item.part()))))
              .append("]\n");
        } else if (!lead.isEmpty()) {
          text.append(lead.replace('\n', ' '))
              .append('[')
              .append(citations.of(all.indexOf(parts.get(0))))
              .append("]\n");
        }
        for (int i = 0; i < Math.min(items.size(), MAX_LIST_ITEMS); i++) {
          ListGatherer.Item item = items.get(i);
          int n = citations.of(all.indexOf(parts.get(item.part())));
          text.append(i + 1)
              .append(". ")
              .append(item.text().replace('\n', ' ').strip())
              .append('[')
              .append(n)
              .append("]\n");
        }
        return Optional.of(Answer.found(text.toString().strip(), citations.list(), notes, ""));
      }
    }
    return Optional.empty();
  }

  /**
   * The item holding most of the question's words, if it holds some and at least half the lead's
   * share (the lead names the topic, the item the detail).
   */
  static Optional<ListGatherer.Item> itemAsked(
      List<ListGatherer.Item> items, String lead, TermOverlap overlap) {
    double leadCoverage = overlap.coverage(QuestionAnalyzer.matchForm(lead));
    ListGatherer.Item best = null;
    double bestCoverage = 0;
    for (ListGatherer.Item item : items) {
      double c = overlap.coverage(QuestionAnalyzer.matchForm(item.text()));
      if (c > bestCoverage) {
        best = item;
        bestCoverage = c;
      }
    }
    return bestCoverage > 0 && bestCoverage >= leadCoverage * 0.5 && best != null
        ? Optional.of(best)
        : Optional.empty();
  }

  private static Hit hitFor(Passage p, List<Hit> hits) {
    for (Hit h : hits) {
      if (h.passage().id().equals(p.id())) {
        return h;
      }
    }
    // A passage search did not return (the list's continuation): cited after every hit.
    return new Hit(hits.size() + 1, p, new ScoreDetails(0, 0f, 0, 0f, 0));
  }

  static boolean refersBack(String sentence) {
    for (String opening : REFERRING_OPENINGS) {
      if (sentence.startsWith(opening)) {
        return true;
      }
    }
    return false;
  }

  /** Citation numbers in order of first use, one per passage. */
  private static final class Citations {
    private final List<Hit> hits;
    private final TermOverlap marks;
    private final Map<Integer, Integer> numbers = new LinkedHashMap<>();
    private final List<Citation> list = new ArrayList<>();

    Citations(List<Hit> hits, TermOverlap marks) {
      this.hits = hits;
      this.marks = marks;
    }

    int of(int hit) {
      return numbers.computeIfAbsent(
          hit,
          h -> {
            int n = list.size() + 1;
            Hit x = hits.get(h);
            list.add(new Citation(n, x, marks.matched(x.passage().section() + x.passage().text())));
            return n;
          });
    }

    List<Citation> list() {
      return list;
    }
  }
}
