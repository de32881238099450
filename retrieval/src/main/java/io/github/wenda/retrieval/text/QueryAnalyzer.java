package io.github.wenda.retrieval.text;

import java.util.List;

/**
 * The content words of a question as search sees them: normalised (cleaner + Traditional→
 * Simplified), segmented by smartcn, question words removed. Answer composition uses them to pick
 * and mark sentences with exactly the words search matched.
 */
public final class QueryAnalyzer {
  private final QueryNormalizer normalizer = new QueryNormalizer();
  private final QueryTerms terms = new QueryTerms(TextAnalysis.analyzer());

  public String normalize(String question) {
    return normalizer.normalize(question);
  }

  /** Content words of already normalised text, in order of first occurrence. */
  public List<String> words(String normalized) {
    return List.copyOf(terms.terms(TextAnalysis.WORDS, normalized));
  }

  /** Character bigrams of already normalised text, as the {@code bigrams} field indexes them. */
  public List<String> bigrams(String normalized) {
    return List.copyOf(terms.terms(TextAnalysis.BIGRAMS, normalized));
  }

  /**
   * The terms worth marking in a passage: words of two or more characters, and runs of
   * single-character words that stand together in the question (smartcn cuts 上合 into 上, 合; marking
   * every 上 in a passage would only be noise).
   */
  public List<String> highlightTerms(String normalized) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder run = new StringBuilder();
    int searchFrom = 0;
    int runEnd = -1;
    for (String w : words(normalized)) {
      int at = normalized.indexOf(w, searchFrom);
      if (w.length() == 1 && at >= 0 && (run.length() == 0 || at == runEnd)) {
        run.append(w);
        runEnd = at + 1;
      } else {
        flush(run, out);
        if (w.length() == 1 && at >= 0) {
          run.append(w);
          runEnd = at + 1;
        } else if (w.length() > 1) {
          out.add(w);
        }
      }
      if (at >= 0) {
        searchFrom = at + w.length();
      }
    }
    flush(run, out);
    return out;
  }

  private static void flush(StringBuilder run, List<String> out) {
    if (run.length() > 1) {
      out.add(run.toString());
    }
    run.setLength(0);
  }

  /** Whether a word is only a question word (什么, 哪, 吗 …) that carries no content. */
  public static boolean isQuestionWord(String word) {
    return QueryTerms.isQuestionWord(word);
  }
}
