package io.github.wenda.bot.answer;

import java.util.List;
import java.util.Objects;

/**
 * A question as the composer sees it: the user's words, the language to answer in ({@code zh},
 * {@code en}, … as detected from the question), and the conversation so far, oldest first.
 */
public record AnswerRequest(String question, String language, List<Turn> history) {
  public AnswerRequest {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(language, "language");
    history = List.copyOf(history);
  }

  public static AnswerRequest of(String question) {
    return new AnswerRequest(question, Language.detect(question), List.of());
  }
}
