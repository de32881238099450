package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.api.SegmentKind;
import java.util.ArrayList;
import java.util.List;

/** Appends headings and segments to one text, keeping segment offsets exact. Not thread-safe. */
final class DocumentBuilder {
  private static final String SEPARATOR = "\n\n";

  private final StringBuilder text = new StringBuilder();
  private final List<Segment> segments = new ArrayList<>();

  /** Appends a heading line that belongs to no segment; blank headings are ignored. */
  void heading(String heading) {
    if (!heading.isBlank()) {
      separate();
      text.append(heading.strip());
    }
  }

  /** Appends one segment; blank content is ignored so every segment is non-blank. */
  void segment(SegmentKind kind, String section, String content) {
    String s = content.strip();
    if (s.isEmpty()) {
      return;
    }
    separate();
    int start = text.length();
    text.append(s);
    segments.add(new Segment(kind, section, start, text.length()));
  }

  CleanDocument build() {
    return new CleanDocument(text.toString(), segments);
  }

  private void separate() {
    if (text.length() > 0) {
      text.append(SEPARATOR);
    }
  }
}
