package io.github.wenda.retrieval.index;

import io.github.wenda.retrieval.chunk.ChunkSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Where the index lives and the settings that change what goes into it. */
public record IndexSettings(Path dir, ChunkSettings chunk, int batchSize) {
  public IndexSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(chunk, "chunk");
    if (batchSize < 1) {
      throw new IllegalArgumentException("embedding.batch-size must be at least 1, but is: " + batchSize);
    }
  }

  /** The settings recorded in the manifest: a change in any of them means new passages. */
  Map<String, String> fingerprint() {
    return Map.of(
        "chunk.max-chars", Integer.toString(chunk.maxChars()),
        "chunk.overlap-chars", Integer.toString(chunk.overlapChars()));
  }
}
