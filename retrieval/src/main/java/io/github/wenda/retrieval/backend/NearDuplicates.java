package io.github.wenda.retrieval.backend;

import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the ranked hit list from fused candidates, best first, folding a passage that repeats an
 * earlier hit from another document into that hit's {@link Hit#also} instead of giving it a rank of
 * its own: operators drop the same manual as HTML and as PDF, and five hits of one text twice over
 * would push out the rest. Not thread-safe; one per search.
 */
public final class NearDuplicates {
  /**
   * Jaccard similarity of character shingles (letters and digits, folded as match text is) at or
   * above which two passages count as the same content. 0.8 holds one text cut or extracted
   * slightly differently (a heading line, a footnote marker, page furniture, a few characters at a
   * boundary) and stays clear of different passages on one topic, which share phrases but rarely a
   * fifth of their shingles.
   */
  public static final double SAME_CONTENT_JACCARD = 0.8;

  /**
   * Shingle length: three characters tell Chinese text apart where bigrams of common words repeat.
   */
  static final int SHINGLE = 3;

  private final int k;
  private final List<Passage> passages = new ArrayList<>();
  private final List<ScoreDetails> details = new ArrayList<>();
  private final List<List<Passage>> also = new ArrayList<>();
  private final List<Set<String>> shingles = new ArrayList<>();
  private int afterFull;

  public NearDuplicates(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, but is: " + k);
    }
    this.k = k;
  }

  /**
   * False once {@code k} distinct hits are held and {@code k} more candidates were looked at for
   * copies of them: a copy ranks close to its original, and reading the whole fused list would cost
   * shingles for candidates nobody sees.
   */
  public boolean wantsMore() {
    return passages.size() < k || afterFull < k;
  }

  private boolean isFull() {
    return passages.size() >= k;
  }

  /** Adds the next candidate (in rank order): a new hit, or folded into the hit it repeats. */
  public void add(Passage p, ScoreDetails d) {
    if (isFull()) {
      afterFull++;
    }
    Set<String> s = shingles(p.text());
    for (int i = 0; i < passages.size(); i++) {
      if (!passages.get(i).docId().equals(p.docId())
          && jaccard(s, shingles.get(i)) >= SAME_CONTENT_JACCARD) {
        if (also.get(i).stream().noneMatch(a -> a.docId().equals(p.docId()))) {
          also.get(i).add(p);
        }
        return;
      }
    }
    if (isFull()) {
      return;
    }
    passages.add(p);
    details.add(d);
    also.add(new ArrayList<>());
    shingles.add(s);
  }

  /** The hits, ranked 1..n. */
  public List<Hit> hits() {
    List<Hit> out = new ArrayList<>(passages.size());
    for (int i = 0; i < passages.size(); i++) {
      out.add(new Hit(i + 1, passages.get(i), details.get(i), also.get(i)));
    }
    return out;
  }

  /**
   * Character shingles of the letters and digits of {@code text}, full-width forms folded and
   * lower-cased: the match text's folding without its cost (this runs per candidate, per question),
   * and punctuation left out, so "，" against "," or a dropped mark changes nothing. A shorter text
   * is its own shingle.
   */
  static Set<String> shingles(String text) {
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              int c = cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFF01 + '!' : cp;
              if (Character.isLetterOrDigit(c)) {
                b.appendCodePoint(Character.toLowerCase(c));
              }
            });
    String t = b.toString();
    Set<String> out = new HashSet<>();
    if (t.length() <= SHINGLE) {
      if (!t.isEmpty()) {
        out.add(t);
      }
      return out;
    }
    for (int i = 0; i + SHINGLE <= t.length(); i++) {
      out.add(t.substring(i, i + SHINGLE));
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int common = 0;
    for (String s : a.size() <= b.size() ? a : b) {
      if ((a.size() <= b.size() ? b : a).contains(s)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }
}
