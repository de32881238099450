package io.github.wenda.retrieval.reader;

import java.nio.file.Path;

/** Reads one file of one format into blocks. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface DocumentReader {
  /**
   * Reads {@code file}.
   *
   * @throws UnreadableDocumentException naming the file and why, when it cannot be read (broken,
   *     encrypted, no text layer, not in its format at all)
   */
  StructuredDocument read(Path file);
}
