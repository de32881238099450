package io.github.wenda.retrieval.backend;

import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.text.MatchText;
import io.github.wenda.retrieval.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * How much of a question one sentence of a passage answers: the largest share of the question's
 * term weight (boost times idf, the same weights as {@link TermCoverage}) that a single sentence,
 * table row or line of the passage holds; hybrid search adds it to the fused score of its first
 * candidates ({@link #rerank}).
 *
 * <p>Why: a passage is packed from consecutive paragraphs of one section up to the size limit, so
 * the sentence that answers often shares its passage with a paragraph about something else. BM25
 * and the embedding score the passage as a whole: the rare words of the question are counted
 * wherever they are in it, and its vector is pulled towards the other paragraph. Where the
 * question's words come together in one sentence, that sentence is very likely the answer (term
 * proximity, the oldest evidence of relevance beyond the bag of words). Measured on 2026-12-02
 * (README, "Tuning"), weight 0.2 over the first 10 candidates: Debian HTML 63 → 64 of 71 in the top
 * five, Debian PDF 48 → 49 of 54, bundled MRR@5 0.950 → 0.954; weights 0.1 to 0.5 and depths 10 to
 * 50 keep those counts, and no question left the top five at any of them.
 *
 * <p>A term counts as in a sentence when its text occurs in the sentence's match form, lower-cased:
 * bigrams and smartcn's Chinese words always do where the passage holds them; an English word
 * stemmed by the index (library → librari) may not, which only loses evidence.
 */
public final class SentenceEvidence {
  /** One query term as the index queried it, and its weight in the question. */
  public record Term(String text, double weight) {
    public Term {
      if (!(weight >= 0 && Double.isFinite(weight))) {
        throw new IllegalArgumentException(
            "term weight must be finite and >= 0, but is: " + weight);
      }
    }
  }

  private static final SentenceSplitter SPLITTER = new SentenceSplitter();

  private final List<Term> terms;
  private final double total;

  /** Evidence for these query terms; an empty term (nothing to find) is left out. */
  public SentenceEvidence(List<Term> terms) {
    this.terms = terms.stream().filter(t -> !t.text().isEmpty()).toList();
    double sum = 0;
    for (Term t : this.terms) {
      sum += t.weight();
    }
    this.total = sum;
  }

  /**
   * The units {@link #best} compares: each sentence of each line of a passage's display text (a
   * table row and a code line are lines), in match form and lower case, as the index's terms are. A
   * backend that keeps passages between searches keeps these beside them.
   */
  public static List<String> units(String text) {
    List<String> out = new ArrayList<>();
    // Lines first: the match form joins them (it drops line breaks).
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.addAll(SPLITTER.sentences(MatchText.of(line).toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  /**
   * The largest share, 0..1, of the question's term weight that one sentence (or line: table rows
   * and code lines are lines) of {@code text} holds; 0 without terms or weight.
   */
  public double best(String text) {
    return best(units(text));
  }

  /** As {@link #best(String)}, over a passage's {@link #units}. */
  public double best(List<String> units) {
    if (total <= 0) {
      return 0;
    }
    double best = 0;
    for (String unit : units) {
      double found = 0;
      for (Term t : terms) {
        if (unit.contains(t.text())) {
          found += t.weight();
        }
      }
      best = Math.max(best, found);
    }
    return best / total;
  }

  /**
   * The fused list with its first {@code search.sentence-depth} entries scored again and re-sorted:
   * their fused score, relative to the first entry's, plus {@code search.sentence-weight} times
   * their best sentence's share ({@code units} gives a candidate's {@link #units}). The rest keep
   * their order below them (scaled alike, unread: share 0), so the list only changes where
   * candidates were read, and scores still fall down the list. Relative scores let the same weight
   * serve rank fusion (scores near 0.016) and score fusion (near 1.0).
   */
  public List<Fusion.Fused> rerank(
      List<Fusion.Fused> fused, SearchSettings settings, IntFunction<List<String>> units) {
    int depth = Math.min(settings.sentenceDepth(), fused.size());
    if (depth == 0 || settings.sentenceWeight() == 0 || total <= 0) {
      return fused;
    }
    double top = fused.get(0).score();
    double scale = top > 0 ? 1 / top : 1;
    List<Fusion.Fused> head = new ArrayList<>(fused.size());
    for (int i = 0; i < depth; i++) {
      Fusion.Fused f = fused.get(i);
      double share = best(units.apply(f.doc()));
      head.add(f.withEvidence(f.score() * scale + settings.sentenceWeight() * share, share));
    }
    // A stable sort: equal scores keep the fused order.
    head.sort((a, b) -> Double.compare(b.score(), a.score()));
    for (Fusion.Fused f : fused.subList(depth, fused.size())) {
      head.add(f.withEvidence(f.score() * scale, 0));
    }
    return head;
  }
}
