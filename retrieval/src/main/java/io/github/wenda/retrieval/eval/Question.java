package io.github.wenda.retrieval.eval;

import java.util.List;
import java.util.Objects;

/**
 * One line of a question file. {@code answers} is null when the file gives none (the question
 * cannot be scored) and empty when the question is known to be unanswerable from the corpus.
 */
public record Question(String id, String question, List<String> answers) {
  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    answers = answers == null ? null : List.copyOf(answers);
  }

  public boolean scored() {
    return answers != null;
  }

  public boolean answerable() {
    return answers != null && !answers.isEmpty();
  }
}
