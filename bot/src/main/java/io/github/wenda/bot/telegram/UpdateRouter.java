package io.github.wenda.bot.telegram;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides what an update means. In private chats every text is a question and commands work as
 * written; in groups (where privacy mode already hides most chatter) the bot answers only commands
 * (a {@code @suffix} must name this bot), replies to its own messages and mentions.
 *
 * <p>Commands are parsed from the text here: TelegramBots 10.2.0's {@code isCommand()} reads
 * entities that are only filled in after {@code getEntities()} is called.
 */
final class UpdateRouter {
  private static final Pattern COMMAND =
      Pattern.compile(
          "^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\\s+|$)(.*)", Pattern.DOTALL);

  private final long botId;
  private final String botUsername;
  private final Pattern mention;

  UpdateRouter(long botId, String botUsername) {
    this.botId = botId;
    this.botUsername = botUsername;
    this.mention =
        Pattern.compile("@" + Pattern.quote(botUsername) + "\\b", Pattern.CASE_INSENSITIVE);
  }

  /**
   * The internal command for a message with nothing to read (no slash form: users cannot type it).
   */
  static final String TEXT_ONLY = "text only";

  Incoming route(Update update) {
    if (update.hasCallbackQuery()) {
      return callback(update.getCallbackQuery());
    }
    if (!update.hasMessage()) {
      return new Incoming.Ignored("not a new message or button");
    }
    Message m = update.getMessage();
    if (m.getChat() == null || m.getFrom() == null) {
      return new Incoming.Ignored("no chat or sender");
    }
    // A photo's caption is its question; a sticker, or a photo or file without one, gets a hint in
    // private chats.
    String body = m.getText() != null ? m.getText() : m.getCaption();
    if (body == null || body.isBlank()) {
      boolean media =
          m.hasSticker() || m.hasPhoto() || m.hasDocument() || m.hasVoice() || m.hasVideo();
      return media && "private".equals(m.getChat().getType())
          ? new Incoming.Command(
              m.getChatId(),
              m.getFrom().getId(),
              m.getMessageId(),
              false,
              TEXT_ONLY,
              "",
              m.getFrom().getLanguageCode())
          : new Incoming.Ignored("no text");
    }
    String type = m.getChat().getType();
    boolean group = "group".equals(type) || "supergroup".equals(type);
    if (!group && !"private".equals(type)) {
      return new Incoming.Ignored("chat type " + type);
    }
    long chatId = m.getChatId();
    long userId = m.getFrom().getId();
    String lang = m.getFrom().getLanguageCode();
    String text = body.strip();
    Matcher c = COMMAND.matcher(text);
    if (c.matches()) {
      if (c.group(2) != null && !c.group(2).equalsIgnoreCase(botUsername)) {
        return new Incoming.Ignored("command for another bot");
      }
      String name = c.group(1).toLowerCase(Locale.ROOT);
      String args = c.group(3).strip();
      if (name.equals("ask") && !args.isEmpty()) {
        return new Incoming.Question(chatId, userId, m.getMessageId(), group, args, lang);
      }
      return new Incoming.Command(chatId, userId, m.getMessageId(), group, name, args, lang);
    }
    if (!group) {
      return new Incoming.Question(chatId, userId, m.getMessageId(), false, text, lang);
    }
    Message replied = m.getReplyToMessage();
    User repliedFrom = replied == null ? null : replied.getFrom();
    if (repliedFrom != null && repliedFrom.getId() == botId) {
      return new Incoming.Question(chatId, userId, m.getMessageId(), true, text, lang);
    }
    if (mention.matcher(text).find()) {
      String question = mention.matcher(text).replaceAll(" ").strip();
      return question.isEmpty()
          ? new Incoming.Command(chatId, userId, m.getMessageId(), true, "help", "", lang)
          : new Incoming.Question(chatId, userId, m.getMessageId(), true, question, lang);
    }
    return new Incoming.Ignored("group chatter");
  }

  private static Incoming callback(CallbackQuery q) {
    if (q.getMessage() == null || q.getData() == null || q.getFrom() == null) {
      return new Incoming.Ignored("callback without message or data");
    }
    return new Incoming.Callback(
        q.getId(),
        q.getMessage().getChatId(),
        q.getFrom().getId(),
        q.getMessage().getMessageId(),
        q.getData(),
        q.getFrom().getLanguageCode());
  }
}
