package io.github.wenda.bot.telegram;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Everything the bot says goes out here: messages (HTML split into valid parts, buttons under the
 * last), edits, button acknowledgements and the "typing…" action. When Telegram cannot read our
 * HTML, the same words are sent once more as plain text, so a rendering bug costs formatting, not
 * the answer. Link previews are off: a cited URL would otherwise push the answer off the screen.
 */
final class TelegramReplies {
  private static final Logger log = LoggerFactory.getLogger(TelegramReplies.class);

  private final TelegramSender sender;

  /** One attempt only: a lost "typing…" is not worth a retry that delays the answer. */
  private final TelegramSender once;

  private final MessageSplitter splitter = new MessageSplitter();

  TelegramReplies(TelegramSender sender) {
    this.sender = sender;
    this.once = sender.once();
  }

  /**
   * HTML cut into parts Telegram accepts (length, balanced tags), at sentence ends where possible.
   */
  List<String> split(String html) {
    return splitter.split(html);
  }

  /** One message, for HTML known to fit (notices, refusals, a streamed preview). */
  Message send(ReplyTarget to, String html) {
    return sendOne(to, html, Optional.empty());
  }

  /** HTML of any length, as valid parts. */
  void sendSplit(ReplyTarget to, String html) {
    for (String part : split(html)) {
      sendOne(to, part, Optional.empty());
    }
  }

  /**
   * The parts of one reply with {@code keyboard} under the last; the first part replaces the
   * message {@code shown} when a preview was shown, so the reader sees one reply grow, not two.
   */
  void sendParts(
      ReplyTarget to,
      List<String> parts,
      Optional<InlineKeyboardMarkup> keyboard,
      OptionalInt shown) {
    for (int i = 0; i < parts.size(); i++) {
      Optional<InlineKeyboardMarkup> k = i == parts.size() - 1 ? keyboard : Optional.empty();
      if (i == 0 && shown.isPresent()) {
        edit(to, shown.getAsInt(), parts.get(0), k);
      } else {
        sendOne(to, parts.get(i), k);
      }
    }
  }

  Message sendOne(ReplyTarget to, String html, Optional<InlineKeyboardMarkup> keyboard) {
    try {
      return sender.execute(message(to, html, ParseMode.HTML, keyboard));
    } catch (TelegramSender.SendException e) {
      if (!Html.unparsable(e.errorCode(), e.getMessage())) {
        throw e;
      }
      log.warn(
          "chat {}: Telegram could not read our HTML ({}); sending it once more as plain text",
          to.chatId(),
          e.getMessage());
      return sender.execute(message(to, Html.toPlainText(html), null, keyboard));
    }
  }

  /** Replaces the text (and buttons) of message {@code messageId}. */
  void edit(ReplyTarget to, int messageId, String html, Optional<InlineKeyboardMarkup> keyboard) {
    try {
      sender.edit(editing(to.chatId(), messageId, html, ParseMode.HTML, keyboard));
    } catch (TelegramSender.SendException e) {
      if (!Html.unparsable(e.errorCode(), e.getMessage())) {
        throw e;
      }
      log.warn(
          "chat {}: Telegram could not read our HTML ({}); editing once more as plain text",
          to.chatId(),
          e.getMessage());
      sender.edit(editing(to.chatId(), messageId, Html.toPlainText(html), null, keyboard));
    }
  }

  /** Stops the button's spinner without a word. */
  void ack(Incoming.Callback cb) {
    sender.execute(AnswerCallbackQuery.builder().callbackQueryId(cb.queryId()).build());
  }

  /** Stops the button's spinner with a short toast. */
  void ack(Incoming.Callback cb, String text) {
    sender.execute(AnswerCallbackQuery.builder().callbackQueryId(cb.queryId()).text(text).build());
  }

  /**
   * "typing…" in the chat, for about 5 s; a failure is only logged (the answer matters, not this).
   */
  void typing(long chatId) {
    try {
      once.execute(SendChatAction.builder().chatId(chatId).action("typing").build());
    } catch (RuntimeException e) {
      log.debug("chat {}: typing action failed: {}", chatId, sender.scrubber().describe(e));
    }
  }

  private static SendMessage message(
      ReplyTarget to, String text, String parseMode, Optional<InlineKeyboardMarkup> keyboard) {
    var b =
        SendMessage.builder()
            .chatId(to.chatId())
            .text(text)
            .parseMode(parseMode)
            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
    if (to.quote()) { // in a busy group, show which message is answered
      b.replyParameters(
          ReplyParameters.builder()
              .messageId(to.messageId())
              .allowSendingWithoutReply(true)
              .build());
    }
    keyboard.ifPresent(b::replyMarkup);
    return b.build();
  }

  private static EditMessageText editing(
      long chatId,
      int messageId,
      String text,
      String parseMode,
      Optional<InlineKeyboardMarkup> keyboard) {
    var b =
        EditMessageText.builder()
            .chatId(chatId)
            .messageId(messageId)
            .text(text)
            .parseMode(parseMode)
            .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
    keyboard.ifPresent(b::replyMarkup);
    return b.build();
  }
}
