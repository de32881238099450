package io.github.wenda.retrieval.corpus;

import java.util.Objects;

/**
 * A paragraph-like stretch of a {@link CleanDocument}: {@code text.substring(start, end)} of the
 * cleaned text, of one kind, under one section heading ("" before the first heading).
 */
public record Segment(SegmentKind kind, String section, int start, int end) {
  public Segment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(section, "section");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("segment bounds must satisfy 0 <= start <= end, but are: " + start + ".." + end);
    }
  }
}
