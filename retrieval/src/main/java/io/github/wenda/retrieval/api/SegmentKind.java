package io.github.wenda.retrieval.api;

/** What a stretch of a cleaned document is; passages keep it so answers can say "footnote". */
public enum SegmentKind {
  BODY,
  FOOTNOTE,
  TABLE,
  /** Code or command lines, kept line by line. */
  CODE,
  /** Table-of-contents lines: kept in the cleaned document, never made into answerable passages. */
  CONTENTS;

  /** The lower-case name used in JSON and the index. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
