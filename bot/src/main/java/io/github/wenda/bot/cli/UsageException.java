package io.github.wenda.bot.cli;

import io.github.wenda.retrieval.api.WendaException;

/**
 * A command-line option with a value that cannot be used ({@code --k 500}): a user's mistake,
 * reported as a usage error (exit 2) naming the option and the value.
 */
final class UsageException extends WendaException {
  private static final long serialVersionUID = 1L;

  private final String option;
  private final String value;

  /**
   * @param problem what the value must be, e.g. {@code must be between 1 and 100}
   */
  UsageException(String option, Object value, String problem) {
    super(option + " " + problem + ", but is: " + value);
    this.option = option;
    this.value = String.valueOf(value);
  }

  /** The option as the user wrote it, e.g. {@code --k}. */
  String option() {
    return option;
  }

  /** The offending value as given. */
  String value() {
    return value;
  }
}
