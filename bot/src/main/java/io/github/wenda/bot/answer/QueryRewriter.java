package io.github.wenda.bot.answer;

import java.util.List;

/**
 * Turns a question into the text to search for, given the conversation so far: a follow-up such
 * as 那它和东盟呢？ must be searched with the subject of the earlier question.
 */
@FunctionalInterface
public interface QueryRewriter {
  QueryRewriter NONE = (question, history) -> question;

  String rewrite(String question, List<Turn> history);
}
