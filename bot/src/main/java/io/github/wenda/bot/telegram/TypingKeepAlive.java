package io.github.wenda.bot.telegram;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps "typing…" showing in a chat while its answer is worked on: Telegram shows the action for
 * about 5 s, so it is sent at once and renewed every {@code every} until {@link #stop}.
 */
final class TypingKeepAlive {
  private final ScheduledFuture<?> renewal;

  private TypingKeepAlive(ScheduledFuture<?> renewal) {
    this.renewal = renewal;
  }

  static TypingKeepAlive start(
      TelegramReplies replies, ScheduledExecutorService timer, long chatId, Duration every) {
    replies.typing(chatId);
    long ms = every.toMillis();
    return new TypingKeepAlive(
        timer.scheduleAtFixedRate(() -> replies.typing(chatId), ms, ms, TimeUnit.MILLISECONDS));
  }

  /** No more renewals; the last "typing…" fades by itself. */
  void stop() {
    renewal.cancel(false);
  }
}
