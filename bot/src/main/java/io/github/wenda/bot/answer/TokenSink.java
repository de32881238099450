package io.github.wenda.bot.answer;

/** Receives an answer's text as it is produced (streaming LLMs); the console prints it at once. */
@FunctionalInterface
public interface TokenSink {
  TokenSink NONE = token -> {};

  void token(String token);
}
