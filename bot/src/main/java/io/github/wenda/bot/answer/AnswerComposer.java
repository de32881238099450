package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.api.Hit;
import java.util.List;

/**
 * Turns the passages found for a question into an answer that cites them. Implementations never
 * throw for odd input and never cite a passage they were not given.
 */
public interface AnswerComposer {
  Answer compose(AnswerRequest request, List<Hit> hits, TokenSink sink);
}
