package io.github.wenda.retrieval.api;

/** Root of Wenda's exceptions: the CLI turns any of them into one clear line and an exit code. */
public class WendaException extends RuntimeException {
  public WendaException(String message) {
    super(message);
  }

  public WendaException(String message, Throwable cause) {
    super(message, cause);
  }
}
