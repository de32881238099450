package io.github.wenda.bot.telegram;

/** What an update means to the bot, as decided by {@link UpdateRouter}. */
sealed interface Incoming {
  /** The chat whose lane handles this (callbacks and messages alike); 0 for ignored updates. */
  long chatId();

  /**
   * An update a person sent: who, where a reply goes, and their Telegram language (may be null).
   */
  sealed interface FromUser extends Incoming {
    long userId();

    ReplyTarget target();

    String languageCode();
  }

  /** A question to answer; {@code text} is stripped of commands and mentions. */
  record Question(
      long chatId, long userId, int messageId, boolean group, String text, String languageCode)
      implements FromUser {
    @Override
    public ReplyTarget target() {
      return new ReplyTarget(chatId, messageId, group);
    }
  }

  /**
   * A command other than /ask with a question ({@code name} lower-case, without the slash or @bot).
   */
  record Command(
      long chatId,
      long userId,
      int messageId,
      boolean group,
      String name,
      String args,
      String languageCode)
      implements FromUser {
    @Override
    public ReplyTarget target() {
      return new ReplyTarget(chatId, messageId, group);
    }
  }

  /**
   * An inline button press; what it shows is sent as a reply to the message carrying the button.
   */
  record Callback(
      String queryId, long chatId, long userId, int messageId, String data, String languageCode)
      implements FromUser {
    @Override
    public ReplyTarget target() {
      return new ReplyTarget(chatId, messageId, true);
    }
  }

  /** Not for the bot: other chatter in groups, edits, channel posts, other bots' commands. */
  record Ignored(String why) implements Incoming {
    @Override
    public long chatId() {
      return 0;
    }
  }
}
