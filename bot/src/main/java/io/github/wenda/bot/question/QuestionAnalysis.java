package io.github.wenda.bot.question;

import java.util.List;
import java.util.Objects;

/**
 * One question, analysed once and shared by search, the answer and the decline decision.
 *
 * @param question the question as asked (after sanitising), for display
 * @param normalized the matching form (width, Traditional→Simplified), never shown
 * @param contentWords the words search matches, question words removed, aliases not yet added
 * @param keyWords the content words that carry the question's meaning: question-frame words (时候,
 *     文章, 作者, 具体 …) removed; what a sentence must contain to answer it
 * @param aliasWords document-mined aliases of the content words (上合组织 → 上海合作组织), for matching
 * @param focus the entity and relation asked about
 * @param expected the kind of answer wanted
 * @param listCount how many items a list question names (哪四个方面 → 4), 0 when it does not say
 * @param asksForSource whether the question asks for a source (出自哪篇文章, 参考了什么), so that bibliography
 *     lines may be the answer
 */
public record QuestionAnalysis(
    String question,
    String normalized,
    List<String> contentWords,
    List<String> keyWords,
    List<String> aliasWords,
    Focus focus,
    ExpectedType expected,
    int listCount,
    boolean asksForSource) {
  public QuestionAnalysis {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(normalized, "normalized");
    Objects.requireNonNull(focus, "focus");
    Objects.requireNonNull(expected, "expected");
    contentWords = List.copyOf(contentWords);
    keyWords = List.copyOf(keyWords);
    aliasWords = List.copyOf(aliasWords);
    if (listCount < 0) {
      throw new IllegalArgumentException("listCount must be >= 0, but is: " + listCount);
    }
  }

  /** Content words and their aliases, for matching sentences. */
  public List<String> matchWords() {
    List<String> all = new java.util.ArrayList<>(contentWords);
    aliasWords.stream().filter(w -> !all.contains(w)).forEach(all::add);
    return all;
  }

  /**
   * The text to search: the question, with mined aliases appended so either name finds the passage.
   */
  public String searchText() {
    if (aliasWords.isEmpty()) {
      return question;
    }
    return question + " " + String.join(" ", aliasWords);
  }
}
