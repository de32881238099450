package io.github.wenda.retrieval.api;

/** How passages are cut: at most {@code maxChars}, repeating up to {@code overlapChars} of whole sentences. */
public record ChunkSettings(int maxChars, int overlapChars) {
  /** The defaults, as tuned on the bundled question set (see README). */
  public static ChunkSettings defaults() {
    return new ChunkSettings(300, 0);
  }

  public ChunkSettings {
    if (maxChars < 10) {
      throw new IllegalArgumentException("chunk.max-chars must be at least 10, but is: " + maxChars);
    }
    if (overlapChars < 0 || overlapChars >= maxChars) {
      throw new IllegalArgumentException(
          "chunk.overlap-chars must be between 0 and chunk.max-chars - 1 (" + (maxChars - 1) + "), but is: " + overlapChars);
    }
  }
}
