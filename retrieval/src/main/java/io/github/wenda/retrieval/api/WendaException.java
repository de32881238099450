package io.github.wenda.retrieval.api;

/**
 * Root of the exceptions a user's mistake or the environment causes (a setting, an option, a file,
 * an unreachable server): the message is one line for the user, naming the offending value. The CLI
 * prints it as it is; any other exception is reported as a bug. Misuse of an API by Wenda's own
 * code stays an {@link IllegalArgumentException} or {@link IllegalStateException}.
 */
public class WendaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WendaException(String message) {
    super(message);
  }

  public WendaException(String message, Throwable cause) {
    super(message, cause);
  }
}
