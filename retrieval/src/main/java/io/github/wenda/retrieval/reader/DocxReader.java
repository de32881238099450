package io.github.wenda.retrieval.reader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads Word {@code .docx} with Apache POI: paragraphs styled "Heading n" / "标题 n" (or with an
 * outline level) are headings, numbered or bulleted paragraphs are list items, paragraphs in a
 * preformatted style or set wholly in a monospaced font are code (consecutive ones form one block),
 * each table row is one block, contents entries ("TOC n"/"Contents n" styles, or a contents
 * control) are {@link BlockKind#CONTENTS}, and footnotes follow the body.
 */
public final class DocxReader implements DocumentReader {
  private static final Pattern HEADING_STYLE =
      Pattern.compile("^(?:heading|标题|überschrift|titre)\\s*(\\d)$");
  private static final Pattern CONTENTS_STYLE =
      Pattern.compile("^(?:toc|contents|目录)\\s*\\d*$|^toc heading$|^contents heading$");

  @Override
  public StructuredDocument read(Path file) {
    try (InputStream in = Files.newInputStream(file);
        XWPFDocument doc = new XWPFDocument(in)) {
      List<Block> out = new ArrayList<>();
      List<String> code = new ArrayList<>();
      for (IBodyElement e : doc.getBodyElements()) {
        if (e instanceof XWPFParagraph p) {
          paragraph(doc, p, out, code);
        } else {
          flushCode(code, out);
          if (e instanceof XWPFTable t) {
            table(t, out);
          } else if (e instanceof XWPFSDT sdt) {
            for (String line : sdt.getContent().getText().split("\\R")) {
              if (!line.isBlank()) {
                out.add(Block.of(BlockKind.CONTENTS, InlineText.tidy(line), 0));
              }
            }
          }
        }
      }
      flushCode(code, out);
      for (XWPFAbstractFootnoteEndnote note : doc.getFootnotes()) {
        String text =
            InlineText.join(note.getParagraphs().stream().map(XWPFParagraph::getText).toList());
        if (!text.isEmpty() && note.getId() != null && note.getId().intValue() > 0) {
          out.add(Block.of(BlockKind.FOOTNOTE, text, 0));
        }
      }
      Optional<String> title =
          Optional.ofNullable(doc.getProperties().getCoreProperties().getTitle());
      return new StructuredDocument(title, NumberedLists.demoteSteps(out));
    } catch (IOException | RuntimeException e) {
      throw new UnreadableDocumentException(file, "not a readable .docx: " + e.getMessage(), e);
    }
  }

  private static void paragraph(
      XWPFDocument doc, XWPFParagraph p, List<Block> out, List<String> code) {
    String style = styleName(doc, p);
    String raw = p.getText();
    if (isCode(style, p)) {
      code.addAll(raw.replace('\u00A0', ' ').lines().map(String::stripTrailing).toList());
      return;
    }
    flushCode(code, out);
    String text = InlineText.join(List.of(raw.split("\\R")));
    if (text.isEmpty()) {
      return;
    }
    if (CONTENTS_STYLE.matcher(style).matches()) {
      if (!ContentsLine.isContentsTitle(text)) {
        out.add(Block.of(BlockKind.CONTENTS, text, 0));
      }
      return;
    }
    OptionalInt level = headingLevel(style, p);
    if (level.isEmpty() && style.equals("title")) {
      level = OptionalInt.of(1);
    }
    if (level.isEmpty() && p.getNumID() == null) {
      level = NumberedHeading.level(text);
    }
    if (level.isPresent()) {
      out.add(Block.heading(level.getAsInt(), text, 0));
    } else if (ContentsLine.hasLeader(text)) {
      out.add(Block.of(BlockKind.CONTENTS, text, 0));
    } else if (p.getNumID() != null || style.startsWith("list")) {
      out.add(Block.of(BlockKind.LIST_ITEM, text, 0));
    } else {
      out.add(Block.of(BlockKind.PARAGRAPH, text, 0));
    }
  }

  private static OptionalInt headingLevel(String style, XWPFParagraph p) {
    Matcher m = HEADING_STYLE.matcher(style);
    if (m.matches()) {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
    if (p.getCTP().getPPr() != null && p.getCTP().getPPr().getOutlineLvl() != null) {
      int lvl = p.getCTP().getPPr().getOutlineLvl().getVal().intValue();
      if (lvl < 9) {
        return OptionalInt.of(lvl + 1);
      }
    }
    return OptionalInt.empty();
  }

  private static boolean isCode(String style, XWPFParagraph p) {
    if (style.contains("preformatted")
        || style.contains("source code")
        || style.equals("code")
        || style.contains("源代码")) {
      return true;
    }
    List<XWPFRun> runs = p.getRuns();
    if (runs.isEmpty() || p.getText().isBlank()) {
      return false;
    }
    for (XWPFRun r : runs) {
      String font = r.getFontFamily() == null ? "" : r.getFontFamily().toLowerCase(Locale.ROOT);
      if (!r.text().isBlank()
          && !(font.contains("mono") || font.contains("courier") || font.contains("consolas"))) {
        return false;
      }
    }
    return true;
  }

  private static String styleName(XWPFDocument doc, XWPFParagraph p) {
    String id = p.getStyleID();
    if (id == null) {
      return "";
    }
    XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
    String name = style != null && style.getName() != null ? style.getName() : id;
    return name.toLowerCase(Locale.ROOT)
        .replaceAll("(?<=\\D)(?=\\d)", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static void table(XWPFTable t, List<Block> out) {
    for (XWPFTableRow row : t.getRows()) {
      List<String> cells = new ArrayList<>();
      for (XWPFTableCell cell : row.getTableCells()) {
        cells.add(InlineText.join(List.of(cell.getText().split("\\R"))));
      }
      if (cells.stream().anyMatch(c -> !c.isEmpty())) {
        out.add(Block.of(BlockKind.TABLE_ROW, String.join(" | ", cells), 0));
      }
    }
  }

  private static void flushCode(List<String> code, List<Block> out) {
    while (!code.isEmpty() && code.get(code.size() - 1).isBlank()) {
      code.remove(code.size() - 1);
    }
    if (!code.isEmpty()) {
      out.add(Block.of(BlockKind.CODE, String.join("\n", code), 0));
      code.clear();
    }
  }
}
