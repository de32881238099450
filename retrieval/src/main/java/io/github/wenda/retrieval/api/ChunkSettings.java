package io.github.wenda.retrieval.api;

/**
 * How passages are cut: at most {@code maxChars}, repeating up to {@code overlapChars} of whole
 * sentences. The shipped values and their ranges are the settings schema's ({@code chunk.*}).
 */
public record ChunkSettings(int maxChars, int overlapChars) {
  /** Below this a passage cannot hold one short sentence; the chunker would loop on splitting. */
  private static final int MIN_CHARS = 10;

  public ChunkSettings {
    if (maxChars < MIN_CHARS) {
      throw new IllegalArgumentException(
          "maxChars must be at least " + MIN_CHARS + ", but is: " + maxChars);
    }
    if (overlapChars < 0 || overlapChars >= maxChars) {
      throw new IllegalArgumentException(
          "overlapChars must be between 0 and maxChars - 1 ("
              + (maxChars - 1)
              + "), but is: "
              + overlapChars);
    }
  }
}
