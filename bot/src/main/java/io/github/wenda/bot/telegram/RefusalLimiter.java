package io.github.wenda.bot.telegram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most one "this bot is not for you" reply per chat per {@link #INTERVAL}: a stranger (or a
 * script) outside the allowlist sending a thousand messages gets one answer, not a thousand, and
 * cannot make the bot spend its Telegram rate on them. Thread-safe, bounded.
 */
final class RefusalLimiter {
  /**
   * Long enough that a flood earns a handful of replies an hour; short enough that a person who
   * retries later is told again.
   */
  static final Duration INTERVAL = Duration.ofMinutes(10);

  /**
   * Refused chats remembered; beyond it the least recent is forgotten (and may be told once more).
   * Not a setting: it only bounds memory against a flood from many chat ids.
   */
  private static final int MAX_CHATS = 10_000;

  private final LongSupplier nanos;
  private final Map<Long, Long> lastRefusal =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
          return size() > MAX_CHATS;
        }
      };

  RefusalLimiter(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /** True (and counts it) when this chat may be told it is refused now. */
  synchronized boolean mayReply(long chatId) {
    long now = nanos.getAsLong();
    Long last = lastRefusal.get(chatId);
    if (last != null && now - last < INTERVAL.toNanos()) {
      return false;
    }
    lastRefusal.put(chatId, now);
    return true;
  }
}
