package io.github.wenda.retrieval.chunk;

import io.github.wenda.retrieval.corpus.SegmentKind;
import java.util.Objects;

/**
 * A retrievable unit of text: whole sentences of one document, one kind and one section, with
 * its place in the cleaned document ({@code start}..{@code end}).
 */
public record Passage(
    String docId,
    String title,
    String section,
    SegmentKind kind,
    int ordinal,
    int start,
    int end,
    String text) {
  public Passage {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0, but is: " + ordinal);
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("passage bounds must satisfy 0 <= start <= end, but are: " + start + ".." + end);
    }
  }

  /** Unique within an index: document id and ordinal. */
  public String id() {
    return docId + "#" + ordinal;
  }
}
