package io.github.wenda.bot.telegram;

/** What an update means to the bot, as decided by {@link UpdateRouter}. */
sealed interface Incoming {
  /** The chat whose lane handles this (callbacks and messages alike); 0 for ignored updates. */
  long chatId();

  /** A question to answer; {@code text} is stripped of commands and mentions. */
  record Question(long chatId, long userId, int messageId, boolean group, String text, String languageCode)
      implements Incoming {}

  /** A command other than /ask with a question ({@code name} lower-case, without the slash or @bot). */
  record Command(long chatId, long userId, int messageId, boolean group, String name, String args, String languageCode)
      implements Incoming {}

  /** An inline button press. */
  record Callback(String queryId, long chatId, long userId, int messageId, String data, String languageCode)
      implements Incoming {}

  /** Not for the bot: other chatter in groups, edits, channel posts, other bots' commands. */
  record Ignored(String why) implements Incoming {
    @Override
    public long chatId() {
      return 0;
    }
  }
}
