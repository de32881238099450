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
   * What BM25 indexes for a passage: its section path, whose headings often carry the question's
   * subject, its context (a table's caption and header row, a list's introduction: the words that
   * say what rows and items are), and its text, all in match form.
   */
  public static String indexed(Passage p) {
    return joined(p.section(), p.context(), p.text());
  }

  /**
   * What the dense model embeds for a passage: as {@link #indexed}, but with only the innermost
   * heading of the section path. The headings above it (第 2 章 Debian 软件包管理 / 2.5. …) are shared by
   * every passage of their chapter; prepended to a 300-character passage they pull its vector
   * towards the chapter and away from what its own sentences say, while BM25 weighs each shared
   * word by its rarity and loses nothing by them. Measured with adaptive fusion (hybrid recall@5 /
   * MRR@5, README "Measured numbers"): bundled 0.981 / 0.950 either way, Debian HTML 0.887 / 0.809
   * with the whole path and 0.887 / 0.819 with the innermost heading, Debian PDF 0.870 / 0.784 and
   * 0.889 / 0.761; vector search alone 0.679, 0.606, 0.611 with the path and 0.783, 0.577, 0.704
   * with the heading. (Without any heading: 0.981 / 0.965, 0.859 / 0.786, 0.889 / 0.769.)
   */
  public static String embedded(Passage p) {
    return joined(p.heading(), p.context(), p.text());
  }

  private static String joined(String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
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
