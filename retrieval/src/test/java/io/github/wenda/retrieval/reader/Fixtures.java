package io.github.wenda.retrieval.reader;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/** The format fixtures in test resources (see formats/README.md for how they were made). */
final class Fixtures {
  private Fixtures() {}

  static Path file(String name) {
    try {
      return Path.of(
          Objects.requireNonNull(Fixtures.class.getResource("/formats/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Block> of(StructuredDocument d, BlockKind kind) {
    return d.blocks().stream().filter(b -> b.kind() == kind).toList();
  }

  static Block first(StructuredDocument d, Predicate<Block> p) {
    return d.blocks().stream()
        .filter(p)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no such block in " + d.blocks()));
  }
}
