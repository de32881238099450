package io.github.wenda.retrieval.corpus;

/** What a stretch of a cleaned document is; passages keep it so answers can say "footnote". */
public enum SegmentKind {
  BODY,
  FOOTNOTE,
  TABLE;

  /** The lower-case name used in JSON and the index. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
