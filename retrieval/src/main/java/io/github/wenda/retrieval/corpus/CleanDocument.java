package io.github.wenda.retrieval.corpus;

import java.util.List;
import java.util.Objects;

/**
 * The cleaned text of one document and its segments, in document order. Segments point into {@code
 * text}; text between segments (headings, blank lines) belongs to no passage.
 */
public record CleanDocument(String text, List<Segment> segments) {
  public CleanDocument {
    Objects.requireNonNull(text, "text");
    segments = List.copyOf(segments);
    for (Segment s : segments) {
      if (s.end() > text.length()) {
        throw new IllegalArgumentException(
            "segment ends at " + s.end() + " beyond text length " + text.length());
      }
    }
  }

  public String textOf(Segment segment) {
    return text.substring(segment.start(), segment.end());
  }
}
