package io.github.wenda.bot.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** At most {@code perMinute} questions per chat in any sliding minute. Thread-safe. */
final class RateLimiter {
  private static final long MINUTE = 60_000_000_000L;

  /**
   * Chats tracked before idle ones are swept: a sweep walks every chat, so it runs only now and
   * then, and memory stays bounded by the chats active within a minute plus this many.
   */
  private static final int SWEEP_ABOVE = 10_000;

  private final int perMinute;
  private final LongSupplier nanos;
  private final Map<Long, Deque<Long>> recent = new HashMap<>();

  RateLimiter(int perMinute, LongSupplier nanos) {
    this.perMinute = perMinute;
    this.nanos = nanos;
  }

  /** 0 and counts the question when allowed; otherwise the seconds until the next one is. */
  synchronized long tryAcquire(long chatId) {
    long now = nanos.getAsLong();
    Deque<Long> times = recent.computeIfAbsent(chatId, k -> new ArrayDeque<>());
    while (!times.isEmpty() && now - times.peekFirst() >= MINUTE) {
      times.removeFirst();
    }
    if (times.size() >= perMinute) {
      return Math.max(1, (times.peekFirst() + MINUTE - now + 999_999_999L) / 1_000_000_000L);
    }
    times.addLast(now);
    if (recent.size() > SWEEP_ABOVE) {
      recent.values().removeIf(Deque::isEmpty); // forget idle chats now and then
    }
    return 0;
  }
}
