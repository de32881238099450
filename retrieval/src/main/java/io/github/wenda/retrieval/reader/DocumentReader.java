package io.github.wenda.retrieval.reader;

import java.nio.file.Path;

/**
 * Reads one file of one format into blocks. Implementations are stateless and thread-safe.
 *
 * <p>The contract every reader keeps (and {@code DocumentReaderContract} tests on a real file per
 * format): blocks come in the document's reading order, with pages that never go back, in the
 * document's own characters (no replacement characters, no carriage returns); the same file gives
 * an equal document every time; a file that cannot be read is an {@link
 * UnreadableDocumentException} naming it and the reason, never half a document; an empty file gives
 * no blocks or is reported.
 */
@FunctionalInterface
public interface DocumentReader {
  /**
   * Reads {@code file}.
   *
   * @throws UnreadableDocumentException naming the file and why, when it cannot be read (missing,
   *     broken, encrypted, no text layer, not in its format at all)
   */
  StructuredDocument read(Path file);
}
