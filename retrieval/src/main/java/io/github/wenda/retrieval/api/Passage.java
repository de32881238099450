package io.github.wenda.retrieval.api;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A retrievable unit of text: whole sentences (or whole code lines and table rows) of one document,
 * one kind and one section, with its place in the cleaned document ({@code start}..{@code end})
 * and, for paged formats, the page it starts on ({@code page}, 0 where the format has no pages).
 *
 * <p>{@code context} is what the document says before the passage that tells what it is about, and
 * that a question names: a table's caption and column header row when the passage holds later rows,
 * a list's introducing sentence when the passage holds later items. It is matched (BM25 and the
 * embedding see it) but never shown or quoted, and not stored: "" when there is none.
 */
public record Passage(
    String docId,
    String title,
    String section,
    SegmentKind kind,
    int ordinal,
    int start,
    int end,
    String text,
    int page,
    String context) {
  /** Between the headings of a section path: {@code 第 8 章 国际化和本地化 / 8.1. 语言环境}. */
  public static final String SECTION_SEPARATOR = " / ";

  public Passage {
    Objects.requireNonNull(docId, "docId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0, but is: " + ordinal);
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "passage bounds must satisfy 0 <= start <= end, but are: " + start + ".." + end);
    }
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0 (0: not paged), but is: " + page);
    }
  }

  /** A passage without match context. */
  public Passage(
      String docId,
      String title,
      String section,
      SegmentKind kind,
      int ordinal,
      int start,
      int end,
      String text,
      int page) {
    this(docId, title, section, kind, ordinal, start, end, text, page, "");
  }

  /** A passage of an unpaged document. */
  public Passage(
      String docId,
      String title,
      String section,
      SegmentKind kind,
      int ordinal,
      int start,
      int end,
      String text) {
    this(docId, title, section, kind, ordinal, start, end, text, 0, "");
  }

  /** Unique within an index: document id and ordinal. */
  public String id() {
    return docId + "#" + ordinal;
  }

  /** The page the passage starts on, for paged formats (PDF). */
  public OptionalInt pageNumber() {
    return page > 0 ? OptionalInt.of(page) : OptionalInt.empty();
  }

  /** The innermost heading of the section path ("" when there is none). */
  public String heading() {
    int cut = section.lastIndexOf(SECTION_SEPARATOR);
    return cut < 0 ? section : section.substring(cut + SECTION_SEPARATOR.length());
  }
}
