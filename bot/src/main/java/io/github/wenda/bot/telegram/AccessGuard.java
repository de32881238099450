package io.github.wenda.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides who may use the bot ({@code telegram.allowed-chats}, {@code
 * telegram.allowed-users}). Everyone else is told politely, naming the chat id to give the
 * operator: a message at most once per chat per {@link RefusalLimiter#INTERVAL}, so a flood costs a
 * handful of replies; a button press always gets its callback answer, so its spinner stops.
 */
final class AccessGuard {
  private static final Logger log = LoggerFactory.getLogger(AccessGuard.class);

  private final TelegramSettings settings;
  private final RefusalLimiter refusals;
  private final TelegramReplies replies;
  private final HtmlRenderer renderer;

  AccessGuard(
      TelegramSettings settings,
      RefusalLimiter refusals,
      TelegramReplies replies,
      HtmlRenderer renderer) {
    this.settings = settings;
    this.refusals = refusals;
    this.replies = replies;
    this.renderer = renderer;
  }

  /** True when the sender may use the bot; otherwise refuses as above and returns false. */
  boolean admits(Incoming.FromUser in) {
    if (settings.allows(in.chatId(), in.userId())) {
      return true;
    }
    String refusal = Texts.of(in).refused(in.chatId());
    if (in instanceof Incoming.Callback cb) {
      replies.ack(cb, refusal);
    } else if (refusals.mayReply(in.chatId())) {
      replies.send(in.target(), renderer.notice(refusal));
    } else {
      log.debug("chat {} not allowed; refused recently, so no reply", in.chatId());
    }
    return false;
  }
}
