package io.github.wenda.retrieval.reader;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every reader produces: the document's own title when it has one (HTML {@code <title>}, PDF
 * or Word metadata) and its blocks in reading order.
 */
public record StructuredDocument(Optional<String> title, List<Block> blocks) {
  public StructuredDocument {
    Objects.requireNonNull(title, "title");
    title = title.map(String::strip).filter(t -> !t.isEmpty());
    blocks = List.copyOf(blocks);
  }

  /** True when no block could be quoted: nothing but headings and contents lines. */
  public boolean hasNoText() {
    return blocks.stream()
        .allMatch(b -> b.kind() == BlockKind.HEADING || b.kind() == BlockKind.CONTENTS);
  }
}
