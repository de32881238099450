package io.github.wenda.bot.conversation;

import java.util.Objects;

/** One exchange of a conversation: what was asked (as searched) and what was answered. */
public record Turn(String question, String searchedAs, String answer) {
  public Turn {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(searchedAs, "searchedAs");
    Objects.requireNonNull(answer, "answer");
  }
}
