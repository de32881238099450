package io.github.wenda.bot.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;

/**
 * How long the poller waits after a failed getUpdates: base, 2×, 4×… capped at 30 s, reset by
 * a success. Replaces the library's default so tests can use a short base, and reports the
 * failure itself: the library's own error line carries a stack trace (muted in logging.LogSetup).
 */
final class PollBackOff implements BackOff {
  private static final Logger log = LoggerFactory.getLogger(PollBackOff.class);
  private static final long MAX_MS = 30_000;
  private final long baseMs;
  private int failures;

  PollBackOff(long baseMs) {
    this.baseMs = baseMs;
  }

  @Override
  public synchronized void reset() {
    failures = 0;
  }

  @Override
  public synchronized long nextBackOffMillis() {
    long ms = Math.min(MAX_MS, baseMs << Math.min(failures, 16));
    failures++;
    if (!Thread.currentThread().isInterrupted()) { // interrupted: we are stopping, not failing
      log.warn("getUpdates failed {} time(s) in a row; polling again in {} ms", failures, ms);
    }
    return ms;
  }
}
