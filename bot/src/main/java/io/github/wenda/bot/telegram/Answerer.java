package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.api.Hit;
import java.util.List;

/** What the bot needs from the answering pipeline; tests give a hand-written fake. */
public interface Answerer {
  /** Answers one question of a chat (called in the chat's order); streams tokens when it can. */
  Answer answer(Conversation conversation, String question, TokenSink sink);

  /** The top {@code k} passages for a question, for "more results". */
  List<Hit> search(String question, int k);
}
