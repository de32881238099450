package io.github.wenda.bot.conversation;

import java.util.List;

/**
 * Turns a question into the text to search for, given the conversation so far: a follow-up such as
 * 那它和东盟呢？ must be searched with the subject of the earlier question.
 */
@FunctionalInterface
public interface QueryRewriter {
  QueryRewriter NONE = (question, history) -> question;

  String rewrite(String question, List<Turn> history);

  /**
   * The text to search and one-line notes for the reader (e.g. that the model's rewrite failed).
   */
  record Rewrite(String text, List<String> notes) {
    public Rewrite {
      java.util.Objects.requireNonNull(text, "text");
      notes = List.copyOf(notes);
    }
  }

  /** {@link #rewrite} with notes; rewriters that can fail over say so here. */
  default Rewrite rewriteWithNotes(String question, List<Turn> history) {
    return new Rewrite(rewrite(question, history), List.of());
  }
}
