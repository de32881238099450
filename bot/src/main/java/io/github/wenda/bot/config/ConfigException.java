package io.github.wenda.bot.config;

import io.github.wenda.retrieval.api.WendaException;
import java.util.Objects;
import java.util.Optional;

/**
 * A setting that cannot be used; the message is one line meant for the user, naming the key, the
 * offending value and where it came from.
 *
 * <p>Convention: problems with how a value is written (malformed YAML, unknown key, wrong type)
 * start with the location, like a compiler ({@code config/wenda.yaml:7: ...}); problems with a
 * well-formed value (out of range, not an allowed choice, conflicts with another key) start with
 * the key and end with the location in parentheses.
 */
public final class ConfigException extends WendaException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String value;

  /**
   * @param key the setting concerned, as the user wrote it (possibly unknown); a problem that is
   *     not about one key is {@link #withoutKey}
   */
  public ConfigException(String key, String message) {
    this(Objects.requireNonNull(key, "key"), null, message, null);
  }

  /**
   * @param value the offending value as the user wrote it; for a problem without one (an unknown
   *     key, a file that cannot be read) use {@link #ConfigException(String, String)}
   */
  public ConfigException(String key, String value, String message) {
    this(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"), message, null);
  }

  public ConfigException(String key, String message, Throwable cause) {
    this(Objects.requireNonNull(key, "key"), null, message, cause);
  }

  private ConfigException(String key, String value, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
    this.value = value;
  }

  /**
   * A problem that is not about one key: malformed YAML, a missing file, an unknown environment
   * variable.
   */
  public static ConfigException withoutKey(String message) {
    return new ConfigException(null, null, message, null);
  }

  /** As {@link #withoutKey(String)}, caused by {@code cause}. */
  public static ConfigException withoutKey(String message, Throwable cause) {
    return new ConfigException(null, null, message, cause);
  }

  /** The setting's key as the user wrote it, when the problem is about one key. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** The offending value as the user wrote it, when the problem is a value. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }
}
