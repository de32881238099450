package io.github.wenda.retrieval.reader;

import io.github.wenda.retrieval.api.WendaException;
import java.nio.file.Path;
import java.util.Objects;

/** A file a reader could not turn into text: names the file, and says why in a few words. */
public final class UnreadableDocumentException extends WendaException {
  private static final long serialVersionUID = 1L;

  private final Path file;
  private final String reason;

  public UnreadableDocumentException(Path file, String reason) {
    this(file, reason, null);
  }

  public UnreadableDocumentException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = Objects.requireNonNull(file, "file");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Path file() {
    return file;
  }

  /** Why, without the file name ("encrypted", "no text layer, needs OCR"). */
  public String reason() {
    return reason;
  }
}
