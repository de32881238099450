package io.github.wenda.retrieval.reader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Reads Markdown with commonmark-java: ATX and Setext headings at their level, fenced and indented
 * code verbatim line by line (so a {@code # comment} inside a fence stays code), list items,
 * paragraphs, and pipe-table lines as table rows (the core parser has no table syntax). Embedded
 * HTML blocks are left out.
 */
public final class MarkdownReader implements DocumentReader {
  private final Parser parser = Parser.builder().build();

  @Override
  public StructuredDocument read(Path file) {
    return parse(TextFiles.readText(file));
  }

  /** Parses Markdown text already decoded. */
  public StructuredDocument parse(String markdown) {
    Collector c = new Collector();
    parser.parse(markdown).accept(c);
    Optional<String> title =
        c.out.stream()
            .filter(b -> b.kind() == BlockKind.HEADING && b.level() == 1)
            .map(Block::text)
            .findFirst();
    return new StructuredDocument(title, c.out);
  }

  private static final class Collector extends AbstractVisitor {
    final List<Block> out = new ArrayList<>();
    private int listDepth;

    @Override
    public void visit(Heading h) {
      String text = InlineText.join(inlineLines(h));
      if (!text.isEmpty()) {
        out.add(Block.heading(h.getLevel(), text, 0));
      }
    }

    @Override
    public void visit(FencedCodeBlock code) {
      code(code.getLiteral());
    }

    @Override
    public void visit(IndentedCodeBlock code) {
      code(code.getLiteral());
    }

    @Override
    public void visit(HtmlBlock html) {
      // markup, not prose
    }

    @Override
    public void visit(ListItem item) {
      listDepth++;
      visitChildren(item);
      listDepth--;
    }

    @Override
    public void visit(Paragraph p) {
      List<String> lines = inlineLines(p);
      if (!lines.isEmpty() && lines.stream().allMatch(l -> l.strip().startsWith("|"))) {
        for (String l : lines) {
          String t = l.strip();
          if (!t.matches("^\\|?[\\s:|-]+\\|?$")) { // the |---|---| separator row
            List<String> cells = new ArrayList<>();
            for (String cell : t.replaceAll("^\\||\\|$", "").split("\\|", -1)) {
              cells.add(InlineText.tidy(cell));
            }
            out.add(Block.of(BlockKind.TABLE_ROW, String.join(" | ", cells), 0));
          }
        }
        return;
      }
      String text = InlineText.join(lines);
      if (text.isEmpty()) {
        return;
      }
      if (listDepth > 0
          && p.getParent() instanceof ListItem
          && p.getParent().getFirstChild() == p) {
        out.add(Block.of(BlockKind.LIST_ITEM, text, 0));
      } else if (listDepth == 0 && lines.size() == 1 && NumberedHeading.level(text).isPresent()) {
        out.add(Block.heading(NumberedHeading.level(text).getAsInt(), text, 0));
      } else if (ContentsLine.hasLeader(text)) {
        out.add(Block.of(BlockKind.CONTENTS, text, 0));
      } else {
        out.add(Block.of(listDepth > 0 ? BlockKind.LIST_ITEM : BlockKind.PARAGRAPH, text, 0));
      }
    }

    private void code(String literal) {
      String code = literal.stripTrailing();
      if (!code.isBlank()) {
        out.add(
            Block.of(
                BlockKind.CODE,
                String.join("\n", code.lines().map(String::stripTrailing).toList()),
                0));
      }
    }

    /** The inline text of a block node, split at its line breaks. */
    private static List<String> inlineLines(Node block) {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      block.accept(
          new AbstractVisitor() {
            @Override
            public void visit(Text t) {
              line.append(t.getLiteral());
            }

            @Override
            public void visit(Code c) {
              line.append(c.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
              lines.add(line.toString());
              line.setLength(0);
            }

            @Override
            public void visit(HardLineBreak b) {
              lines.add(line.toString());
              line.setLength(0);
            }
          });
      lines.add(line.toString());
      return lines.stream().filter(l -> !l.isBlank()).toList();
    }
  }
}
