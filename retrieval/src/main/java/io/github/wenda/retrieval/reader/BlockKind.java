package io.github.wenda.retrieval.reader;

/**
 * What a block of a structured document is; the reader decides, from the format's own structure.
 */
public enum BlockKind {
  /** A section heading; its level says how deep (1 = outermost). */
  HEADING,
  PARAGRAPH,
  LIST_ITEM,
  /** Code or command lines, kept line by line ("\n" between lines), never reflowed. */
  CODE,
  /** One table row, cells joined with " | ". */
  TABLE_ROW,
  FOOTNOTE,
  /** A table-of-contents line: found, but never quoted as an answer. */
  CONTENTS
}
