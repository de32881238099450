package io.github.wenda.bot.answer;

import java.util.List;
import java.util.Objects;

/**
 * A question as the composer sees it: the user's words, the language to answer in ({@code zh},
 * {@code en}, … as detected from the question), the conversation so far (oldest first), and the
 * text that was searched (the question made standalone or translated; else the question).
 */
public record AnswerRequest(String question, String language, List<Turn> history, String searchedAs) {
  public AnswerRequest {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(searchedAs, "searchedAs");
    history = List.copyOf(history);
  }

  public AnswerRequest(String question, String language, List<Turn> history) {
    this(question, language, history, question);
  }

  public static AnswerRequest of(String question) {
    return new AnswerRequest(question, Language.detect(question), List.of());
  }
}
