package io.github.wenda.bot.telegram;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps "typing…" showing in a chat while its answer is worked on: Telegram shows the action for
 * about 5 s, so it is sent at once and renewed every {@code every} until {@link #close}.
 */
final class TypingKeepAlive implements AutoCloseable {
  private final ScheduledFuture<?> renewal;

  private TypingKeepAlive(ScheduledFuture<?> renewal) {
    this.renewal = renewal;
  }

  static TypingKeepAlive start(TelegramReplies replies, ScheduledExecutorService timer, long chatId, Duration every) {
    replies.typing(chatId);
    long ms = every.toMillis();
    return new TypingKeepAlive(timer.scheduleAtFixedRate(() -> replies.typing(chatId), ms, ms, TimeUnit.MILLISECONDS));
  }

  @Override
  public void close() {
    renewal.cancel(false);
  }
}
