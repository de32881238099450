package io.github.wenda.bot.answer.llm;

import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How rare a word is in the corpus, from 0 (in every passage) to 1 (in none): rare words are names,
 * places and specifics, the words a claim stands or falls by; common words (合作, 建设) are what a
 * faithful paraphrase may change. Built from the index's idf, or from texts for tests and the
 * checker's evaluation.
 */
@FunctionalInterface
public interface Vocabulary {
  /** The rarity of a smartcn word, 0..1; 1 for a word the corpus never uses. */
  double rarity(String word);

  /**
   * Rarity from BM25 idf over the index ({@code Retrieval::idf}); a word never seen has the largest
   * idf.
   */
  static Vocabulary fromIdf(ToDoubleFunction<String> idf) {
    // The largest idf is that of a word no passage has; asked lazily, the index may still be
    // opening.
    double[] max = {Double.NaN};
    return word -> {
      if (Double.isNaN(max[0])) {
        max[0] = Math.max(1e-9, idf.applyAsDouble("zzqxjv"));
      }
      return Math.max(0, Math.min(1, idf.applyAsDouble(word) / max[0]));
    };
  }

  /**
   * Rarity from document frequencies over {@code texts}, one text a document, segmented as search
   * does.
   */
  static Vocabulary of(List<String> texts) {
    QueryAnalyzer analyzer = new QueryAnalyzer();
    Map<String, Integer> df = new HashMap<>();
    for (String t : texts) {
      Set<String> seen = new HashSet<>(analyzer.words(analyzer.normalize(t)));
      seen.forEach(w -> df.merge(w, 1, Integer::sum));
    }
    long n = texts.size();
    Map<String, Integer> frozen = Map.copyOf(df);
    return fromIdf(
        word -> {
          int d = frozen.getOrDefault(word, 0);
          return Math.log(1 + (n - d + 0.5) / (d + 0.5));
        });
  }
}
