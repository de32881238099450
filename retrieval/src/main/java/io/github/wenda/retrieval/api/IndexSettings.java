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
  /** The default of {@code index.lock-wait-seconds}. */
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(120); // a cold build of the bundled corpus takes about a minute

  public IndexSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(lockWait, "lockWait");
    if (batchSize < 1) {
      throw new IllegalArgumentException("embedding.batch-size must be at least 1, but is: " + batchSize);
    }
    if (lockWait.isNegative()) {
      throw new IllegalArgumentException("index.lock-wait-seconds must not be negative, but is: " + lockWait.toSeconds());
    }
  }

  public IndexSettings(Path dir, ChunkSettings chunk, int batchSize) {
    this(dir, chunk, batchSize, DEFAULT_LOCK_WAIT);
  }

  /** The settings recorded in the manifest: a change in any of them means new passages. */
  public Map<String, String> fingerprint() {
    return Map.of(
        "chunk.max-chars", Integer.toString(chunk.maxChars()),
        "chunk.overlap-chars", Integer.toString(chunk.overlapChars()));
  }
}
