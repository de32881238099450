package io.github.wenda.bot.answer;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Character bigrams within runs of CJK characters, letters and digits, width- and case-folded: the
 * unit of overlap for Chinese, which has no spaces between words. Used to score quoted sentences
 * and to check that an LLM's sentence is supported by the passage it cites.
 */
public final class Bigrams {
  private Bigrams() {}

  public static Set<String> of(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    Set<String> out = new HashSet<>();
    int previous = -1;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (previous >= 0) {
          out.add(new StringBuilder().appendCodePoint(previous).appendCodePoint(cp).toString());
        }
        previous = cp;
      } else {
        previous = -1;
      }
    }
    return out;
  }

  /**
   * The share of {@code wanted} found in {@code available}; {@code whenEmpty} when nothing is
   * wanted.
   */
  public static double shareFound(Set<String> wanted, Set<String> available, double whenEmpty) {
    if (wanted.isEmpty()) {
      return whenEmpty;
    }
    long found = wanted.stream().filter(available::contains).count();
    return (double) found / wanted.size();
  }
}
