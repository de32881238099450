package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.reader.Block;
import io.github.wenda.retrieval.reader.BlockKind;
import io.github.wenda.retrieval.reader.DocumentReader;
import io.github.wenda.retrieval.reader.StructuredDocument;
import io.github.wenda.retrieval.reader.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads plain text with {@link TextCleaner}, as before formats had readers: the PDF-extraction
 * cleaner runs on text that really is PDF extraction (like the bundled corpus), the prose cleaner
 * on the rest. Its segments become blocks; their section paths become heading blocks again.
 */
public final class TextReader implements DocumentReader {
  private final TextCleaner cleaner = new TextCleaner();

  @Override
  public StructuredDocument read(Path file) {
    return fromText(TextFiles.readText(file));
  }

  /** Cleans already decoded text into blocks. */
  public StructuredDocument fromText(String text) {
    CleanDocument clean = cleaner.clean(text);
    List<Block> blocks = new ArrayList<>();
    List<String> path = List.of();
    for (Segment s : clean.segments()) {
      List<String> next = s.section().isEmpty() ? List.of() : List.of(s.section().split(" / "));
      int common = 0;
      while (common < path.size()
          && common < next.size()
          && path.get(common).equals(next.get(common))) {
        common++;
      }
      if (common == next.size() && next.size() < path.size() && !next.isEmpty()) {
        common--; // back up to a shallower section: re-enter its heading, which closes the deeper
        // ones
      }
      for (int level = common; level < next.size(); level++) {
        blocks.add(Block.heading(level + 1, next.get(level), 0));
      }
      path = next;
      BlockKind kind =
          switch (s.kind()) {
            case FOOTNOTE -> BlockKind.FOOTNOTE;
            case TABLE -> BlockKind.TABLE_ROW;
            case CODE -> BlockKind.CODE;
            case CONTENTS -> BlockKind.CONTENTS;
            case BODY -> BlockKind.PARAGRAPH;
          };
      blocks.add(Block.of(kind, clean.textOf(s), 0));
    }
    return new StructuredDocument(Optional.empty(), blocks);
  }
}
