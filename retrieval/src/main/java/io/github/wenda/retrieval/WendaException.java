package io.github.wenda.retrieval;

/** Root of Wenda's exceptions: the CLI turns any of them into one clear line and an exit code. */
public class WendaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WendaException(String message) {
    super(message);
  }

  public WendaException(String message, Throwable cause) {
    super(message, cause);
  }
}
