package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.reply.ReplyChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The reply to one question in a chat. LLM tokens are shown by editing one message at most once per
 * {@code editEvery}; the final answer (or a notice) replaces it (first part) and follows in new
 * messages, buttons under the last. A reply ready at once (the extractive answer) is sent once,
 * whole: previews start only when text is still coming after one edit interval, so no "…"
 * placeholder is edited a moment later.
 */
final class TelegramReply implements ReplyChannel {
  private static final Logger log = LoggerFactory.getLogger(TelegramReply.class);

  /** Room left under Telegram's limit for the " …" mark and escaping growth in a preview. */
  private static final int PREVIEW_MARGIN = 100;

  private final TelegramReplies replies;
  private final HtmlRenderer renderer;
  private final ReplyTarget to;
  private final Texts texts;
  private final Function<Answer, Optional<InlineKeyboardMarkup>> keyboard;
  private final long editEveryNanos;
  private final TokenScrubber scrubber;
  private final StringBuilder text = new StringBuilder();
  private long lastShown;
  private String shownHtml = "";
  private OptionalInt messageId = OptionalInt.empty();

  /**
   * @param keyboard the buttons for the checked answer (made once it is known, so they can name it)
   */
  TelegramReply(
      TelegramReplies replies,
      HtmlRenderer renderer,
      ReplyTarget to,
      Texts texts,
      Function<Answer, Optional<InlineKeyboardMarkup>> keyboard,
      Duration editEvery,
      TokenScrubber scrubber) {
    this.replies = replies;
    this.renderer = renderer;
    this.to = to;
    this.texts = texts;
    this.keyboard = keyboard;
    this.editEveryNanos = editEvery.toNanos();
    this.scrubber = scrubber;
    this.lastShown = System.nanoTime();
  }

  /** One more piece of the draft; shown when an edit interval has passed since the last showing. */
  @Override
  public synchronized void token(String token) {
    text.append(token);
    long now = System.nanoTime();
    if (now - lastShown < editEveryNanos || text.toString().isBlank()) {
      return;
    }
    String html = renderer.partial(text.toString());
    if (html.length() > MessageSplitter.TELEGRAM_LIMIT - PREVIEW_MARGIN || html.equals(shownHtml)) {
      return; // the final answer will be split; don't show a half-cut preview
    }
    lastShown = now;
    try {
      if (messageId.isEmpty()) {
        messageId = OptionalInt.of(replies.send(to, html).getMessageId());
      } else {
        replies.edit(to, messageId.getAsInt(), html, Optional.empty());
      }
      shownHtml = html;
    } catch (RuntimeException e) {
      log.debug("chat {}: streaming update failed: {}", to.chatId(), scrubber.describe(e));
    }
  }

  @Override
  public synchronized void answer(Answer answer) {
    replies.sendParts(
        to, replies.split(renderer.answer(answer, texts)), keyboard.apply(answer), messageId);
  }

  @Override
  public synchronized void notice(String line) {
    replies.sendParts(to, List.of(renderer.notice(line)), Optional.empty(), messageId);
  }
}
