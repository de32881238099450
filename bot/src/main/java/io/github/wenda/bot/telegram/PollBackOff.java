package io.github.wenda.bot.telegram;

/**
 * How long the poller waits after a failed getUpdates that gave no {@code retry_after}: base, 2×,
 * 4×… capped at 30 s, reset by a success. A short base lets tests run fast.
 */
final class PollBackOff {
  /** Longest wait between failed polls: an outage ends unseen for at most this long. */
  private static final long MAX_MS = 30_000;

  private final long baseMs;
  private int failures;

  PollBackOff(long baseMs) {
    this.baseMs = baseMs;
  }

  synchronized void reset() {
    failures = 0;
  }

  /** Counts a failure; the wait before the next poll. */
  synchronized long nextBackOffMillis() {
    long ms = Math.min(MAX_MS, baseMs << Math.min(failures, 16));
    failures++;
    return ms;
  }

  /** Failures in a row so far. */
  synchronized int failures() {
    return failures;
  }
}
