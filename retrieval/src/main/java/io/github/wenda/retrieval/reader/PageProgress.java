package io.github.wenda.retrieval.reader;

import java.nio.file.Path;

/** Told how far a long (paged) document has been read, so a 200-page PDF shows progress. */
@FunctionalInterface
public interface PageProgress {
  PageProgress NONE = (file, done, total) -> {};

  void pages(Path file, int done, int total);
}
