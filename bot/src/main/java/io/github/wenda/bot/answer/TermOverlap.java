package io.github.wenda.bot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How much of a question a text covers: the share of the question's content words it contains, each
 * weighted by its inverse document frequency, so 北约 (absent from the corpus) counts far more than
 * 成立 (everywhere). Plain substring tests suffice for Chinese, which has no inflection.
 */
public final class TermOverlap {
  private final List<String> words;
  private final double[] weights;
  private final double total;

  public TermOverlap(List<String> words, ToDoubleFunction<String> idf) {
    this.words = List.copyOf(words);
    this.weights = new double[words.size()];
    double sum = 0;
    for (int i = 0; i < words.size(); i++) {
      weights[i] = Math.max(0.05, idf.applyAsDouble(words.get(i)));
      sum += weights[i];
    }
    this.total = sum;
  }

  public boolean isEmpty() {
    return words.isEmpty();
  }

  /** 0..1: the idf-weighted share of question words found in {@code text}. */
  public double coverage(String text) {
    if (total == 0) {
      return 0;
    }
    double hit = 0;
    for (int i = 0; i < words.size(); i++) {
      if (text.contains(words.get(i))) {
        hit += weights[i];
      }
    }
    return hit / total;
  }

  /** The question words found in {@code text}, in question order. */
  public List<String> matched(String text) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      if (text.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
