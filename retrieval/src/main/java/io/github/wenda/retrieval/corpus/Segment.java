package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.api.SegmentKind;
import java.util.Objects;

/**
 * A paragraph-like stretch of a {@link CleanDocument}: {@code text.substring(start, end)} of the
 * cleaned text, of one kind, under one section heading path ("" before the first heading), on page
 * {@code page} of a paged format (0 where the format has no pages); {@code listItem} when it is one
 * item of a list (body text whose introduction is the paragraph before the list).
 */
public record Segment(
    SegmentKind kind, String section, int start, int end, int page, boolean listItem) {
  public Segment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(section, "section");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "segment bounds must satisfy 0 <= start <= end, but are: " + start + ".." + end);
    }
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0 (0: not paged), but is: " + page);
    }
  }

  /** A segment that is no list item. */
  public Segment(SegmentKind kind, String section, int start, int end, int page) {
    this(kind, section, start, end, page, false);
  }

  /** A segment of an unpaged format. */
  public Segment(SegmentKind kind, String section, int start, int end) {
    this(kind, section, start, end, 0, false);
  }
}
