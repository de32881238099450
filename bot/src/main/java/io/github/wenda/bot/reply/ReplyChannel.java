package io.github.wenda.bot.reply;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.TokenSink;

/**
 * Where the reply to one question goes, whatever the front end (the console, a Telegram chat): the
 * draft while an answer is written, then the checked answer, or a one-line notice. A draft is
 * provisional: whatever of it was shown is replaced by what follows, so only checked text stays in
 * front of the reader. One channel per question, used by one thread.
 */
public interface ReplyChannel extends TokenSink {
  /** A piece of the draft (a streaming LLM's tokens); shown provisionally, or not at all. */
  @Override
  void token(String token);

  /** The checked answer, with its sources; replaces any draft shown. */
  void answer(Answer answer);

  /** A line shown as written (a refusal, a hint, a failure); replaces any draft shown. */
  void notice(String text);
}
