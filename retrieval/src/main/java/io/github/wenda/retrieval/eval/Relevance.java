package io.github.wenda.retrieval.eval;

import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.text.MatchText;
import io.github.wenda.retrieval.text.TextNormalizer;
import java.util.List;

/**
 * Judges a passage relevant when its match text, whitespace removed, contains one of the expected
 * answers in match form; answers are thus written as they read, in any width or form, while
 * passages keep the document's own punctuation.
 */
public final class Relevance {
  private final List<String> answers;

  public Relevance(TextNormalizer cleaner, List<String> answers) {
    this.answers =
        answers.stream().map(a -> squeeze(MatchText.of(a))).filter(a -> !a.isEmpty()).toList();
  }

  public boolean test(Passage p) {
    String text = squeeze(MatchText.of(p.text()));
    for (String a : answers) {
      if (text.contains(a)) {
        return true;
      }
    }
    return false;
  }

  static String squeeze(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u3000') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
