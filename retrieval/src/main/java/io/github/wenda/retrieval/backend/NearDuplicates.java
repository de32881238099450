package io.github.wenda.retrieval.backend;

import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
  private final List<long[]> shingles = new ArrayList<>();
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
    add(p, d, shingles(p.text()));
  }

  /**
   * As {@link #add(Passage, ScoreDetails)}, with the passage's {@link #shingles} already computed
   * (a backend may keep them with the passage: they depend on its text alone).
   */
  public void add(Passage p, ScoreDetails d, long[] s) {
    if (isFull()) {
      afterFull++;
    }
    for (int i = 0; i < passages.size(); i++) {
      if (!passages.get(i).docId().equals(p.docId()) && sameContent(s, shingles.get(i))) {
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
   * is its own shingle. Each shingle is its three code points packed into one long (21 bits each),
   * the set a sorted array without repeats: a candidate costs one pass and no objects per shingle.
   */
  public static long[] shingles(String text) {
    int[] cps = new int[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int c = cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFF01 + '!' : cp;
      if (Character.isLetterOrDigit(c)) {
        cps[n++] = Character.toLowerCase(c);
      }
    }
    if (n == 0) {
      return new long[0];
    }
    if (n < SHINGLE) {
      long whole = 0;
      for (int i = 0; i < n; i++) {
        whole = whole << 21 | cps[i];
      }
      // Marked so that a text of one or two characters never equals a shingle of a longer one.
      return new long[] {whole | 1L << 63};
    }
    long[] out = new long[n - SHINGLE + 1];
    for (int i = 0; i + SHINGLE <= n; i++) {
      out[i] = (long) cps[i] << 42 | (long) cps[i + 1] << 21 | cps[i + 2];
    }
    Arrays.sort(out);
    int distinct = 1;
    for (int i = 1; i < out.length; i++) {
      if (out[i] != out[distinct - 1]) {
        out[distinct++] = out[i];
      }
    }
    return distinct == out.length ? out : Arrays.copyOf(out, distinct);
  }

  private static boolean sameContent(long[] a, long[] b) {
    // Jaccard never exceeds the smaller set's size over the larger's: most pairs end here.
    return Math.min(a.length, b.length) >= SAME_CONTENT_JACCARD * Math.max(a.length, b.length)
        && jaccard(a, b) >= SAME_CONTENT_JACCARD;
  }

  /** Jaccard similarity of two shingle sets as {@link #shingles} makes them. */
  static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1;
    }
    int common = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }
}
