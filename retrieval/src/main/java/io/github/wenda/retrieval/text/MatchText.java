package io.github.wenda.retrieval.text;

import com.ibm.icu.text.Transliterator;
import io.github.wenda.retrieval.api.Passage;

/**
 * The match text of a passage or question: what is indexed, embedded and compared, never shown.
 *
 * <p>Passages keep the document's own characters for display (，：；（） full-width); matching needs one
 * canonical form, so both sides go through the cleaner's NFKC normalisation and then
 * Traditional→Simplified folding (ICU), so 上合組織 finds 上合组织 and "，" equals ",". Thread-safe.
 */
public final class MatchText {
  private static final TextNormalizer CLEANER = new TextNormalizer();
  // Transliterator instances are not documented as thread-safe; one per thread is cheap.
  private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

  private MatchText() {}

  /** The match form of any text (display text, a question); "" for null. */
  public static String of(String text) {
    String n = CLEANER.normalize(text);
    return TraditionalChars.anyIn(n) ? TO_SIMPLIFIED.get().transliterate(n) : n;
  }

  /**
   * What BM25 indexes and the dense model embeds for a passage: its section heading, which often
   * carries the question's subject, its context (a table's caption and header row, a list's
   * introduction: the words that say what rows and items are), and its text, all in match form. One
   * body for both, so the two searches see the same words.
   */
  public static String indexed(Passage p) {
    StringBuilder out = new StringBuilder();
    for (String part : new String[] {p.section(), p.context(), p.text()}) {
      if (!part.isBlank()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(of(part));
      }
    }
    return out.toString();
  }
}
