package io.github.wenda.retrieval.search;

import com.ibm.icu.text.Transliterator;
import io.github.wenda.retrieval.corpus.TextCleaner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

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
    // Loading ICU's transliterator costs about 0.3 s at start; most questions are Simplified
    // already and need none of it.
    if (TraditionalChars.anyIn(q)) {
      q = toSimplified.get().transliterate(q);
    }
    if (q.length() > MAX_CHARS) {
      int cut = MAX_CHARS;
      if (Character.isHighSurrogate(q.charAt(cut - 1))) {
        cut--;
      }
      q = q.substring(0, cut);
    }
    return q;
  }

  /**
   * Every code point ICU's Traditional-Simplified changes on its own (3,080 in ICU 77), from
   * {@code traditional-chars.txt}, made with ICU itself; a test checks the file against ICU.
   */
  static final class TraditionalChars {
    private static final BitSet SET = load();

    private TraditionalChars() {}

    static boolean anyIn(String s) {
      return s.codePoints().anyMatch(SET::get);
    }

    static BitSet set() {
      return (BitSet) SET.clone();
    }

    private static BitSet load() {
      try (InputStream in = QueryNormalizer.class.getResourceAsStream("traditional-chars.txt")) {
        if (in == null) {
          throw new IllegalStateException("traditional-chars.txt missing from the class path");
        }
        BitSet set = new BitSet();
        new String(in.readAllBytes(), StandardCharsets.UTF_8).codePoints()
            .filter(cp -> !Character.isWhitespace(cp)).forEach(set::set);
        return set;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read traditional-chars.txt", e);
      }
    }
  }
}
