package io.github.wenda.retrieval.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

/**
 * Every code point ICU's Traditional-Simplified changes on its own (3,080 in ICU 77), from {@code
 * traditional-chars.txt}, made with ICU itself; a test checks the file against ICU. Loading ICU's
 * transliterator costs about 0.3 s at start, and most text is Simplified already.
 */
public final class TraditionalChars {
  private static final BitSet SET = load();

  private TraditionalChars() {}

  /** Whether ICU's Traditional-Simplified would change anything in {@code s}. */
  public static boolean anyIn(String s) {
    return s.codePoints().anyMatch(SET::get);
  }

  /** A copy of the set, for tests. */
  public static BitSet set() {
    return (BitSet) SET.clone();
  }

  private static BitSet load() {
    try (InputStream in = TraditionalChars.class.getResourceAsStream("traditional-chars.txt")) {
      if (in == null) {
        throw new IllegalStateException("traditional-chars.txt missing from the class path");
      }
      BitSet set = new BitSet();
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .codePoints()
          .filter(cp -> !Character.isWhitespace(cp))
          .forEach(set::set);
      return set;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read traditional-chars.txt", e);
    }
  }
}
