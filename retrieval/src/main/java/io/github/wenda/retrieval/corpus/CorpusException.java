package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.api.WendaException;
import java.nio.file.Path;

/** A corpus file that cannot be used; names the file and, where known, the byte offset. */
public final class CorpusException extends WendaException {
  private static final long serialVersionUID = 1L;

  private final Path file;
  private final long offset;

  public CorpusException(Path file, long offset, String message) {
    super(file + (offset >= 0 ? " (byte " + offset + ")" : "") + ": " + message);
    this.file = file;
    this.offset = offset;
  }

  public CorpusException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
    this.file = file;
    this.offset = -1;
  }

  public Path file() {
    return file;
  }

  /** Byte offset of the problem in the file, or -1 when it is not about one place. */
  public long offset() {
    return offset;
  }
}
