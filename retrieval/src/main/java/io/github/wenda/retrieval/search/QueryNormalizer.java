package io.github.wenda.retrieval.search;

import com.ibm.icu.text.Transliterator;
import io.github.wenda.retrieval.corpus.TextCleaner;

/**
 * Puts a question into the form the passages are in: the corpus cleaner's inline normalisation,
 * then Traditional→Simplified folding (ICU), so 上合組織 finds 上合组织. Over-long questions are cut
 * to {@link #MAX_CHARS}: no real question is longer, and it bounds the work one question can cause.
 */
public final class QueryNormalizer {
  public static final int MAX_CHARS = 1000;

  private final TextCleaner cleaner = new TextCleaner();
  // Transliterator instances are not documented as thread-safe; one per thread is cheap.
  private final ThreadLocal<Transliterator> toSimplified =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

  public String normalize(String question) {
    String q = question.length() > MAX_CHARS * 4 ? question.substring(0, MAX_CHARS * 4) : question;
    q = cleaner.normalize(q);
    q = toSimplified.get().transliterate(q);
    if (q.length() > MAX_CHARS) {
      int cut = MAX_CHARS;
      if (Character.isHighSurrogate(q.charAt(cut - 1))) {
        cut--;
      }
      q = q.substring(0, cut);
    }
    return q;
  }
}
