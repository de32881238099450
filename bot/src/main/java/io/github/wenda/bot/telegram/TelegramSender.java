package io.github.wenda.bot.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Calls the Bot API through TelegramBots' client, retrying what is worth retrying: a 429 waits the
 * {@code retry_after} Telegram asks for (up to {@link #MAX_WAIT}); 5xx, timeouts and network errors
 * back off exponentially (base, 2×, 4×… up to 30 s). Other errors are not retried. Every failure
 * surfaces as a {@link SendException} whose message is scrubbed of the token.
 */
final class TelegramSender {
  private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

  /**
   * The longest {@code retry_after} honoured as asked. Telegram's flood waits are seconds to a few
   * minutes; sending earlier than asked only earns a longer ban, so waits are not cut short below
   * this. A longer request (hours, a misbehaving proxy) is cut here so a stop is never wedged.
   */
  static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(300);

  /** Longest exponential back-off after a 5xx or a network error. */
  private static final long MAX_BACKOFF_MS = 30_000;

  /**
   * A call that failed for good; the message names the method and Telegram's reason, never the
   * token.
   */
  static final class SendException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int errorCode;

    SendException(String message, int errorCode) {
      super(message);
      this.errorCode = errorCode;
    }

    /** Telegram's error code (401, 400 …), or 0 when no answer came (network). */
    int errorCode() {
      return errorCode;
    }
  }

  private final TelegramClient client;
  private final Duration base;
  private final int maxAttempts;
  private final TokenScrubber scrubber;

  TelegramSender(TelegramClient client, Duration base, int maxAttempts, TokenScrubber scrubber) {
    this.client = client;
    this.base = base;
    this.maxAttempts = maxAttempts;
    this.scrubber = scrubber;
  }

  /**
   * The same client and scrubber, trying each call once: for what is worth no retry ("typing…").
   */
  TelegramSender once() {
    return new TelegramSender(client, base, 1, scrubber);
  }

  /** The scrubber for this bot's token, for callers that log failures. */
  TokenScrubber scrubber() {
    return scrubber;
  }

  /** The method's result, retried as the class says. */
  <T extends Serializable> T execute(BotApiMethod<T> method) {
    return attempt(method, false)
        .orElseThrow(() -> failure(method, 0, "Telegram returned no result"));
  }

  /**
   * Runs an edit of a message; false when Telegram says the message already reads so ("message is
   * not modified"), which is nothing to do.
   */
  boolean edit(BotApiMethod<? extends Serializable> method) {
    return attempt(method, true).isPresent();
  }

  /** The result, or empty for an edit Telegram calls not modified. */
  private <T extends Serializable> Optional<T> attempt(BotApiMethod<T> method, boolean isEdit) {
    for (int attempt = 1; ; attempt++) {
      int code = 0;
      String reason;
      long waitMs;
      try {
        return Optional.ofNullable(
            client.execute(method)); // the library's result: null for an empty one
      } catch (TelegramApiRequestException e) {
        code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        reason = e.getApiResponse() != null ? e.getApiResponse() : scrubber.describe(e);
        if (isEdit && code == 400 && reason.contains("message is not modified")) {
          return Optional.empty(); // an edit with the same text: nothing to do
        }
        if (code == 429) {
          Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
          waitMs = Math.min(MAX_WAIT.toMillis(), (after == null ? 1 : after) * 1000L);
        } else if (code >= 500 || code == 0) {
          waitMs = backoff(attempt); // 0: the body was no API answer at all (a proxy's 502 page)
        } else {
          throw failure(method, code, reason);
        }
      } catch (TelegramApiException e) {
        if (!(hasCause(e, IOException.class))) {
          throw failure(method, 0, scrubber.describe(e));
        }
        reason = scrubber.describe(e);
        waitMs = backoff(attempt);
      }
      if (attempt >= maxAttempts) {
        throw failure(method, code, reason + " (gave up after " + attempt + " attempts)");
      }
      log.warn(
          "{} failed ({}), retrying in {} ms", method.getMethod(), scrubber.scrub(reason), waitMs);
      try {
        Thread.sleep(waitMs);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw failure(method, code, "interrupted while waiting to retry");
      }
    }
  }

  private long backoff(int attempt) {
    return Math.min(MAX_BACKOFF_MS, base.toMillis() << Math.min(attempt - 1, 10));
  }

  private SendException failure(BotApiMethod<?> method, int code, String reason) {
    return new SendException(method.getMethod() + " failed: " + scrubber.scrub(reason), code);
  }

  private static boolean hasCause(Throwable t, Class<?> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
