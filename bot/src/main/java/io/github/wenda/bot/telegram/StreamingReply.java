package io.github.wenda.bot.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The reply to one question while it is written: LLM tokens are shown by editing one message at
 * most once per {@code editEvery}; the final answer replaces it (first part) and follows in new
 * messages. A reply ready at once (the extractive answer) is sent once, whole: previews start only
 * when text is still coming after one edit interval, so no "…" placeholder is edited a moment later.
 */
final class StreamingReply {
  private static final Logger log = LoggerFactory.getLogger(StreamingReply.class);
  /** Room left under Telegram's limit for the " …" mark and escaping growth in a preview. */
  private static final int PREVIEW_MARGIN = 100;

  private final TelegramReplies replies;
  private final HtmlRenderer renderer;
  private final ReplyTarget to;
  private final long editEveryNanos;
  private final TokenScrubber scrubber;
  private final StringBuilder text = new StringBuilder();
  private long lastShown;
  private String shownHtml = "";
  private OptionalInt messageId = OptionalInt.empty();

  StreamingReply(TelegramReplies replies, HtmlRenderer renderer, ReplyTarget to, Duration editEvery,
      TokenScrubber scrubber) {
    this.replies = replies;
    this.renderer = renderer;
    this.to = to;
    this.editEveryNanos = editEvery.toNanos();
    this.scrubber = scrubber;
    this.lastShown = System.nanoTime();
  }

  /** One more piece of the draft; shown when an edit interval has passed since the last showing. */
  synchronized void token(String token) {
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

  /** The checked reply, in parts, with {@code keyboard} under the last. */
  synchronized void finish(List<String> parts, Optional<InlineKeyboardMarkup> keyboard) {
    replies.sendParts(to, parts, keyboard, messageId);
  }
}
