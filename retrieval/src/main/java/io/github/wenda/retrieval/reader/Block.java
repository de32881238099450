package io.github.wenda.retrieval.reader;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One block of a structured document, in the document's own characters.
 *
 * @param kind what the block is
 * @param level heading level 1..9 for {@link BlockKind#HEADING}, 0 for every other kind
 * @param text the block's text: non-blank; lines of a code block separated by "\n"
 * @param page 1-based page the block starts on, 0 where the format has no pages
 */
public record Block(BlockKind kind, int level, String text, int page) {
  public Block {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " block must have text");
    }
    if (kind == BlockKind.HEADING ? level < 1 || level > 9 : level != 0) {
      throw new IllegalArgumentException(
          "level must be 1..9 for a heading and 0 otherwise, but is " + level + " for " + kind);
    }
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0 (0: not paged), but is: " + page);
    }
  }

  public static Block heading(int level, String text, int page) {
    return new Block(BlockKind.HEADING, Math.max(1, Math.min(9, level)), text, page);
  }

  public static Block of(BlockKind kind, String text, int page) {
    return new Block(kind, 0, text, page);
  }

  /** The page, when the format has pages. */
  public OptionalInt pageNumber() {
    return page > 0 ? OptionalInt.of(page) : OptionalInt.empty();
  }
}
