package io.github.wenda.retrieval.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the index lives, the settings that change what goes into it, and how long a writer waits
 * for another process writing the same index ({@code index.lock-wait-seconds}).
 */
public record IndexSettings(Path dir, ChunkSettings chunk, int batchSize, Duration lockWait) {
  public IndexSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(lockWait, "lockWait");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, but is: " + batchSize);
    }
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("lockWait must not be negative, but is: " + lockWait);
    }
  }

  /** These settings with the index in {@code newDir}. */
  public IndexSettings withDir(Path newDir) {
    return new IndexSettings(newDir, chunk, batchSize, lockWait);
  }

  /** These settings with passages cut by {@code newChunk}. */
  public IndexSettings withChunk(ChunkSettings newChunk) {
    return new IndexSettings(dir, newChunk, batchSize, lockWait);
  }

  /** The settings recorded in the manifest: a change in any of them means new passages. */
  public Map<String, String> fingerprint() {
    return Map.of(
        "chunk.max-chars", Integer.toString(chunk.maxChars()),
        "chunk.overlap-chars", Integer.toString(chunk.overlapChars()));
  }
}
