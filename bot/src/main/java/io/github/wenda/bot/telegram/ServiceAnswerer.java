package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchMode;
import java.util.List;

/**
 * The real pipeline behind the bot: {@link AnswerService} for answers, the retriever for "more
 * results".
 */
public record ServiceAnswerer(AnswerService service, Retriever retriever, SearchMode mode)
    implements Answerer {
  @Override
  public Answer answer(Conversation conversation, String question, TokenSink sink) {
    return service.answer(conversation, question, sink);
  }

  @Override
  public List<Hit> search(String question, int k) {
    return retriever.search(new Query(question, k, mode));
  }
}
