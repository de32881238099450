package io.github.wenda.bot.config;

import io.github.wenda.retrieval.WendaException;

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

  /**
   * @param key the setting concerned, as the user wrote it (possibly unknown), or null when the
   *     problem is not about one key (malformed YAML, missing file, unknown environment variable)
   */
  public ConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  public ConfigException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** The setting's key as the user wrote it, or null when the problem is not about one key. */
  public String key() {
    return key;
  }
}
