package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.chunk.SentenceSplitter;
import io.github.wenda.retrieval.index.Embedder;
import io.github.wenda.retrieval.pipeline.MatchText;
import io.github.wenda.retrieval.search.Hit;
import io.github.wenda.retrieval.search.QueryAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The offline answer: quotes the sentences of the top passages that answer the question, verbatim,
 * each group followed by its citation number. Nothing is written but a fixed lead-in, so every
 * word of the answer can be checked against its source.
 *
 * <p>Sentences are scored by the idf-weighted share of question words they contain, character
 * bigram overlap, similarity of their embedding to the question's, and the rank of their passage.
 * A sentence that opens by referring back (它, 该组织, 此外 …) brings the sentence before it, which
 * carries its subject.
 */
public final class ExtractiveComposer implements AnswerComposer {
  /** Limits on what is quoted: sentences, characters, and how many top passages are read. */
  public record Limits(int maxSentences, int maxChars, int passages) {
    public Limits {
      if (maxSentences < 1 || maxChars < 20 || passages < 1) {
        throw new IllegalArgumentException("extractive limits must be positive, but are: " + maxSentences + ", " + maxChars + ", " + passages);
      }
    }
  }

  static final String LEAD_IN_ZH = "根据文档：";
  static final String LEAD_IN_EN = "From the documents (quoted in Chinese):";
  private static final int EMBEDDED_CANDIDATES = 6;
  /** A further sentence must score this share of the best one: answers stay short and on point. */
  private static final double SECOND_SENTENCE_SHARE = 0.75;
  private static final String[] REFERRING_OPENINGS = {
    "它", "其", "该", "这", "此", "他们", "她们", "双方", "同时", "此外", "另外", "但", "而", "因此", "所以", "对此", "为此", "其中"
  };

  private final QueryAnalyzer analyzer;
  private final ToDoubleFunction<String> idf;
  private final Embedder embedder;
  private final Limits limits;
  private final SentenceSplitter splitter = new SentenceSplitter();

  /** {@code embedder} may be null: sentences are then scored on words alone. */
  public ExtractiveComposer(QueryAnalyzer analyzer, ToDoubleFunction<String> idf, Embedder embedder, Limits limits) {
    this.analyzer = analyzer;
    this.idf = idf;
    this.embedder = embedder;
    this.limits = limits;
  }

  private record Candidate(int hit, int index, int start, int end, String text, double[] score) {}

  @Override
  public Answer compose(AnswerRequest request, List<Hit> hits, TokenSink sink) {
    if (hits.isEmpty()) {
      return Answer.notFound(List.of(), List.of());
    }
    String normalized = analyzer.normalize(request.searchedAs());
    TermOverlap overlap = new TermOverlap(analyzer.words(normalized), idf);
    TermOverlap marks = new TermOverlap(analyzer.highlightTerms(normalized), w -> 1.0);
    Set<String> questionBigrams = Bigrams.of(normalized);
    AnswerType type = AnswerType.of(request.question());

    Map<Integer, List<Candidate>> byHit = new LinkedHashMap<>();
    List<Candidate> all = new ArrayList<>();
    for (int h = 0; h < Math.min(limits.passages(), hits.size()); h++) {
      String text = hits.get(h).passage().text();
      List<Candidate> sentences = new ArrayList<>();
      int i = 0;
      for (int[] b : splitter.split(text, 0, text.length())) {
        String s = text.substring(b[0], b[1]);
        double lexical = overlap.coverage(s);
        double bigram = Bigrams.shareFound(questionBigrams, Bigrams.of(s), 0);
        double score = 0.6 * lexical + 0.2 * bigram + 0.1 / (h + 1) + (type.matches(s) ? 0.15 : 0);
        Candidate c = new Candidate(h, i++, b[0], b[1], s, new double[] {score});
        sentences.add(c);
        all.add(c);
      }
      byHit.put(h, sentences);
    }
    if (all.isEmpty()) {
      return Answer.notFound(hits, List.of());
    }
    addSemantic(normalized, all);
    List<Candidate> chosen = choose(all, byHit);
    return compose(request, hits, marks, chosen, sink);
  }

  // Embedding costs ~1 ms per short sentence here, so only the lexically best few are embedded.
  private void addSemantic(String question, List<Candidate> all) {
    if (embedder == null) {
      return;
    }
    List<Candidate> top = all.stream().sorted(byScore()).limit(EMBEDDED_CANDIDATES).toList();
    List<String> texts = new ArrayList<>();
    texts.add(question);
    // The model compares match forms, as in the index; the quote itself stays display text.
    top.forEach(c -> texts.add(MatchText.of(c.text())));
    List<float[]> vectors = embedder.embed(texts);
    for (int i = 0; i < top.size(); i++) {
      top.get(i).score()[0] += 0.2 * Math.max(0, cosine(vectors.get(0), vectors.get(i + 1)));
    }
  }

  private List<Candidate> choose(List<Candidate> all, Map<Integer, List<Candidate>> byHit) {
    List<Candidate> ranked = all.stream().sorted(byScore()).toList();
    double best = ranked.get(0).score()[0];
    List<Candidate> chosen = new ArrayList<>();
    int chars = 0;
    for (Candidate c : ranked) {
      if (chosen.size() >= limits.maxSentences()) {
        break;
      }
      if (!chosen.isEmpty() && (c.score()[0] < SECOND_SENTENCE_SHARE * best || chars + c.text().length() > limits.maxChars())) {
        continue;
      }
      chosen.add(c);
      chars += c.text().length();
      if (refersBack(c.text()) && c.index() > 0) {
        Candidate previous = byHit.get(c.hit()).get(c.index() - 1);
        if (!chosen.contains(previous)) {
          chosen.add(previous);
          chars += previous.text().length();
        }
      }
    }
    // The passage holding the best sentence comes first (it gets [1]); document order within a passage.
    Map<Integer, Double> bestOfHit = new LinkedHashMap<>();
    for (Candidate c : chosen) {
      bestOfHit.merge(c.hit(), c.score()[0], Math::max);
    }
    chosen.sort(Comparator.comparingDouble((Candidate c) -> -bestOfHit.get(c.hit()))
        .thenComparingInt(Candidate::hit).thenComparingInt(Candidate::index));
    return chosen;
  }

  private Answer compose(AnswerRequest request, List<Hit> hits, TermOverlap marks, List<Candidate> chosen, TokenSink sink) {
    StringBuilder text = new StringBuilder(Language.CHINESE.equals(request.language()) ? LEAD_IN_ZH : LEAD_IN_EN);
    List<Citation> citations = new ArrayList<>();
    int i = 0;
    while (i < chosen.size()) {
      int hit = chosen.get(i).hit();
      Hit h = hits.get(hit);
      String passage = h.passage().text();
      StringBuilder quote = new StringBuilder();
      Candidate previous = null;
      while (i < chosen.size() && chosen.get(i).hit() == hit) {
        Candidate c = chosen.get(i++);
        if (previous != null) {
          // Adjacent sentences keep the text between them; a gap is shown as an ellipsis.
          quote.append(c.index() == previous.index() + 1 ? passage.substring(previous.end(), c.start()).strip() : "……");
        }
        quote.append(c.text());
        previous = c;
      }
      int n = citations.size() + 1;
      citations.add(new Citation(n, h, marks.matched(h.passage().section() + passage)));
      text.append('\n').append(quote.toString().replace('\n', ' ')).append('[').append(n).append(']');
    }
    String answer = text.toString();
    sink.token(answer);
    return Answer.found(answer, citations, List.of());
  }

  static boolean refersBack(String sentence) {
    for (String opening : REFERRING_OPENINGS) {
      if (sentence.startsWith(opening)) {
        return true;
      }
    }
    return false;
  }

  private static Comparator<Candidate> byScore() {
    return Comparator.comparingDouble((Candidate c) -> -c.score()[0]).thenComparingInt(Candidate::hit).thenComparingInt(Candidate::index);
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }
}
