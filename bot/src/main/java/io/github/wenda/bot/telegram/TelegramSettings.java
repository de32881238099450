package io.github.wenda.bot.telegram;

import io.github.wenda.bot.config.Config;
import io.github.wenda.bot.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * The Telegram front end's settings, read from the {@code telegram.*} keys. Timing knobs that only
 * tests change (typing renewal, edit interval, retry delays) are not settings but named constants
 * here, each with its reason.
 *
 * @param allowedChats chat ids that may ask; with {@code allowedUsers} empty too, everyone may
 * @param allowedUsers user ids that may ask in any chat
 * @param maxQueued questions waiting for a worker in all chats; beyond it a new one gets a busy
 *     reply
 * @param maxQueuedPerChat questions one chat may have waiting; beyond it a new one gets a busy
 *     reply
 * @param maxConversations chats whose conversation is remembered; the least recently active forgets
 *     first
 * @param rememberedAnswers recent answers whose buttons still work; older ones say "too old"
 */
public record TelegramSettings(
    URI apiUrl,
    boolean testEnvironment,
    Set<Long> allowedChats,
    Set<Long> allowedUsers,
    int ratePerMinute,
    int maxQuestionChars,
    int workers,
    Duration shutdownWait,
    int pollTimeoutSeconds,
    Duration typingEvery,
    Duration editEvery,
    Duration retryBase,
    int maxAttempts,
    int maxQueued,
    int maxQueuedPerChat,
    int maxConversations,
    int rememberedAnswers) {
  /**
   * Telegram shows "typing…" for about 5 s after each chat action: renewed a little before it
   * fades.
   */
  static final Duration TYPING_EVERY = Duration.ofSeconds(4);

  /**
   * Streamed text is shown by editing one message at most this often: Telegram allows about one
   * message per second per chat before it answers 429.
   */
  static final Duration EDIT_EVERY = Duration.ofSeconds(1);

  /** First back-off after a 5xx or a network error (then 2×, 4×…, see {@link TelegramSender}). */
  static final Duration RETRY_BASE = Duration.ofMillis(500);

  /**
   * Attempts per Bot API call: with {@link #RETRY_BASE} doubling, about 15 s of outage is ridden
   * out.
   */
  static final int MAX_ATTEMPTS = 6;

  public TelegramSettings {
    allowedChats = Set.copyOf(allowedChats);
    allowedUsers = Set.copyOf(allowedUsers);
    positive("telegram.workers", workers);
    positive("telegram.max-queued", maxQueued);
    positive("telegram.max-queued-per-chat", maxQueuedPerChat);
    positive("telegram.max-conversations", maxConversations);
    positive("telegram.remembered-answers", rememberedAnswers);
    positive("maxAttempts", maxAttempts);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, but is: " + value);
    }
  }

  /**
   * The settings in {@code config}; a malformed URL or id list is a {@link ConfigException} naming
   * its key.
   */
  public static TelegramSettings from(Config c) {
    return new TelegramSettings(
        apiUrl(c.string("telegram.api-url")),
        c.bool("telegram.test-environment"),
        ids("telegram.allowed-chats", c.string("telegram.allowed-chats")),
        ids("telegram.allowed-users", c.string("telegram.allowed-users")),
        c.integer("telegram.rate-limit-per-minute"),
        c.integer("telegram.max-question-chars"),
        c.integer("telegram.workers"),
        Duration.ofSeconds(c.integer("telegram.shutdown-seconds")),
        c.integer("telegram.poll-timeout-seconds"),
        TYPING_EVERY,
        EDIT_EVERY,
        RETRY_BASE,
        MAX_ATTEMPTS,
        c.integer("telegram.max-queued"),
        c.integer("telegram.max-queued-per-chat"),
        c.integer("telegram.max-conversations"),
        c.integer("telegram.remembered-answers"));
  }

  /** Whether a message from this chat and user may be answered. */
  public boolean allows(long chatId, long userId) {
    return allowedChats.isEmpty() && allowedUsers.isEmpty()
        || allowedChats.contains(chatId)
        || allowedUsers.contains(userId);
  }

  /**
   * The Bot API address for TelegramBots (which has no path prefix: the URL must be scheme, host,
   * port).
   */
  public TelegramUrl telegramUrl() {
    String scheme = apiUrl.getScheme().toLowerCase(Locale.ROOT);
    int port = apiUrl.getPort() != -1 ? apiUrl.getPort() : "https".equals(scheme) ? 443 : 80;
    return new TelegramUrl(scheme, apiUrl.getHost(), port, testEnvironment);
  }

  /** A copy with other timings (tests make the bot fast). */
  public TelegramSettings withTimings(
      Duration typing, Duration edit, Duration retry, int pollTimeout) {
    return new TelegramSettings(
        apiUrl,
        testEnvironment,
        allowedChats,
        allowedUsers,
        ratePerMinute,
        maxQuestionChars,
        workers,
        shutdownWait,
        pollTimeout,
        typing,
        edit,
        retry,
        maxAttempts,
        maxQueued,
        maxQueuedPerChat,
        maxConversations,
        rememberedAnswers);
  }

  /** A copy with other queue and memory bounds (tests make them small). */
  public TelegramSettings withLimits(
      int queued, int queuedPerChat, int conversations, int answers) {
    return new TelegramSettings(
        apiUrl,
        testEnvironment,
        allowedChats,
        allowedUsers,
        ratePerMinute,
        maxQuestionChars,
        workers,
        shutdownWait,
        pollTimeoutSeconds,
        typingEvery,
        editEvery,
        retryBase,
        maxAttempts,
        queued,
        queuedPerChat,
        conversations,
        answers);
  }

  static URI apiUrl(String value) {
    String v = value.strip();
    URI uri;
    try {
      uri = new URI(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
    } catch (URISyntaxException e) {
      throw new ConfigException(
          "telegram.api-url",
          "telegram.api-url must be a URL like https://api.telegram.org, but is: " + value);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new ConfigException(
          "telegram.api-url",
          "telegram.api-url must be an http or https URL with a host, but is: " + value);
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
      throw new ConfigException(
          "telegram.api-url",
          "telegram.api-url must have no path (TelegramBots adds /bot<token>/<method>), but is: "
              + value);
    }
    return uri;
  }

  static Set<Long> ids(String key, String value) {
    Set<Long> ids = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      try {
        ids.add(Long.parseLong(p));
      } catch (NumberFormatException e) {
        throw new ConfigException(
            key, key + " must be comma-separated numeric ids, but contains: '" + p + "'");
      }
    }
    return ids;
  }
}
