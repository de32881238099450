package io.github.wenda.retrieval.search;

import io.github.wenda.retrieval.index.IndexSchema;
import java.util.List;

/**
 * The content words of a question as search sees them: normalised (cleaner + Traditional→
 * Simplified), segmented by smartcn, question words removed. Answer composition uses them to pick
 * and mark sentences with exactly the words search matched.
 */
public final class QueryAnalyzer {
  private final QueryNormalizer normalizer = new QueryNormalizer();
  private final QueryTerms terms = new QueryTerms(IndexSchema.analyzer());

  public String normalize(String question) {
    return normalizer.normalize(question);
  }

  /** Content words of already normalised text, in order of first occurrence. */
  public List<String> words(String normalized) {
    return List.copyOf(terms.terms(IndexSchema.WORDS, normalized));
  }

  /** Whether a word is only a question word (什么, 哪, 吗 …) that carries no content. */
  public static boolean isQuestionWord(String word) {
    return QueryTerms.isQuestionWord(word);
  }
}
