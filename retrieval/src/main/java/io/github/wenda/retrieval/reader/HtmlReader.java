package io.github.wenda.retrieval.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads HTML with jsoup (which decodes entities and honours the page's declared charset).
 *
 * <p>{@code h1}–{@code h6} are headings at their level; {@code <pre>} is code, kept verbatim line
 * by line; each table row is one block with its cells joined by " | ", unless the row only lays out
 * prose (see {@link #isLayoutRow}), and a table's caption is a row of its own before them; list
 * items, paragraphs and other text-bearing elements are paragraphs. Navigation, scripts, styles,
 * forms and contents lists (Debian's DocBook {@code div.toc}, {@code nav}, {@code
 * .navheader}/{@code .navfooter}) are dropped, since they repeat other pages' headings and would be
 * quoted as answers.
 */
public final class HtmlReader implements DocumentReader {
  private static final Set<String> DROPPED =
      Set.of(
          "script",
          "style",
          "nav",
          "noscript",
          "template",
          "form",
          "button",
          "select",
          "iframe",
          "svg",
          "head");
  private static final Set<String> DROPPED_CLASSES =
      Set.of(
          "toc",
          "navheader",
          "navfooter",
          "list-of-tables",
          "list-of-figures",
          "list-of-examples",
          "breadcrumb",
          "breadcrumbs",
          "sidebar-toc");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "dt",
          "dd",
          "blockquote",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "aside",
          "figcaption",
          "caption",
          "address",
          "td",
          "th",
          "body",
          "ul",
          "ol",
          "dl",
          "table",
          "tbody",
          "thead",
          "tfoot",
          "center",
          "details",
          "summary",
          "figure");

  @Override
  public StructuredDocument read(Path file) {
    org.jsoup.nodes.Document html;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
      html = Jsoup.parse(new ByteArrayInputStream(bytes), null, file.toUri().toString());
    } catch (IOException e) {
      throw new UnreadableDocumentException(file, "cannot be read as HTML: " + e.getMessage(), e);
    }
    html = checkedDecoding(file, bytes, html);
    Walker w = new Walker();
    w.walk(html.body());
    w.flush();
    String title = html.title();
    return new StructuredDocument(Optional.of(title), NumberedLists.demoteSteps(w.out));
  }

  /**
   * jsoup replaces bytes its charset cannot decode with U+FFFD without a word, so a damaged page
   * would be indexed as garbage: the bytes are decoded again strictly. A page without a declared
   * charset is read like a text file (UTF-8, else GB18030); one in another declared charset that
   * does not decode is refused.
   */
  private static org.jsoup.nodes.Document checkedDecoding(
      Path file, byte[] bytes, org.jsoup.nodes.Document html) {
    Charset charset = html.charset();
    try {
      charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return html;
    } catch (CharacterCodingException e) {
      if (!charset.equals(StandardCharsets.UTF_8)) {
        throw new UnreadableDocumentException(
            file, "not valid " + charset.name() + " text, as its page declares", e);
      }
      return Jsoup.parse(TextFiles.decode(file, bytes).text(), file.toUri().toString());
    }
  }

  private static boolean isCodeClass(Element e) {
    return e.classNames().stream()
        .map(c -> c.toLowerCase(java.util.Locale.ROOT))
        .anyMatch(
            c ->
                c.contains("preformatted")
                    || c.equals("programlisting")
                    || c.equals("screen")
                    || c.equals("sourcecode")
                    || c.equals("code-block")
                    || c.equals("highlight"));
  }

  /** {@code <caption>}, or DocBook's title paragraph of a {@code div.table} ("表 12.1. …"). */
  static boolean isTableCaption(Element e) {
    if (e.normalName().equals("caption")) {
      return true;
    }
    Element parent = e.parent();
    return e.hasClass("title")
        && parent != null
        && parent.hasClass("table")
        && !parent.select("> div.table-contents table, > table").isEmpty();
  }

  /**
   * Whether a table row lays out prose rather than holding data: a cell holds lists, code or
   * another table, or the row has at most one cell with text (an admonition's label or body beside
   * its icon). Paragraphs alone do not count: LibreOffice wraps every data cell in one. Read as
   * rows, such prose would be joined with " | " into one "table" passage with its neighbours.
   */
  static boolean isLayoutRow(Element row) {
    int withText = 0;
    for (Element cell : row.children()) {
      if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
        continue;
      }
      if (!cell.select("ul, ol, dl, pre, table").isEmpty()) {
        return true;
      }
      if (!InlineText.tidy(cell.wholeText()).isEmpty()) {
        withText++;
      }
    }
    return withText <= 1;
  }

  /** Depth-first over the body, collecting inline text until a block boundary. */
  private static final class Walker {
    final List<Block> out = new ArrayList<>();
    private final StringBuilder inline = new StringBuilder();
    private BlockKind inlineKind = BlockKind.PARAGRAPH;

    void walk(Element e) {
      for (Node child : e.childNodes()) {
        if (child instanceof TextNode t) {
          inline.append(t.getWholeText());
        } else if (child instanceof Element c) {
          element(c);
        }
      }
    }

    private void element(Element e) {
      String tag = e.normalName();
      if (DROPPED.contains(tag)
          || e.classNames().stream().anyMatch(DROPPED_CLASSES::contains)
          || "navigation".equals(e.attr("role"))
          || e.hasAttr("hidden")) {
        return;
      }
      if (tag.matches("h[1-6]")) {
        flush();
        String text = InlineText.tidy(e.wholeText());
        if (!text.isEmpty()) {
          out.add(Block.heading(tag.charAt(1) - '0', text, 0));
        }
        return;
      }
      if (e.classNames().stream().anyMatch(c -> c.equals("footnote") || c.equals("footnotes"))
          && !tag.equals("a")
          && !tag.equals("sup")
          && !tag.equals("span")) {
        flush();
        for (Element note : e.select("p, li")) {
          String text = InlineText.tidy(note.wholeText());
          if (!text.isEmpty()) {
            out.add(Block.of(BlockKind.FOOTNOTE, text, 0));
          }
        }
        return;
      }
      if (tag.equals("pre") || (!tag.equals("span") && !tag.equals("code") && isCodeClass(e))) {
        flush();
        String code =
            e.wholeText().replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        code = code.replaceAll("^\\n+", "").stripTrailing();
        if (!code.isBlank()) {
          List<String> lines = code.lines().map(String::stripTrailing).toList();
          Block last = out.isEmpty() ? null : out.get(out.size() - 1);
          if (last != null && last.kind() == BlockKind.CODE && !tag.equals("pre")) {
            // One paragraph per code line (LibreOffice's "Preformatted Text"): one block.
            out.set(
                out.size() - 1,
                Block.of(BlockKind.CODE, last.text() + "\n" + String.join("\n", lines), 0));
          } else {
            out.add(Block.of(BlockKind.CODE, String.join("\n", lines), 0));
          }
        }
        return;
      }
      if (isTableCaption(e)) {
        // A table's title goes with its rows, which it names, rather than onto the paragraph
        // before.
        flush();
        String text = InlineText.tidy(e.wholeText());
        if (!text.isEmpty()) {
          out.add(Block.of(BlockKind.TABLE_ROW, text, 0));
        }
        return;
      }
      if (tag.equals("tr") && isLayoutRow(e)) {
        // A layout table (DocBook's note/tip/warning boxes, page frames): its cells are prose.
        flush();
        walk(e);
        flush();
        return;
      }
      if (tag.equals("tr")) {
        flush();
        List<String> cells = new ArrayList<>();
        for (Element cell : e.children()) {
          if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
            cells.add(InlineText.tidy(cell.wholeText()));
          }
        }
        if (cells.stream().anyMatch(c -> !c.isEmpty())) {
          out.add(Block.of(BlockKind.TABLE_ROW, String.join(" | ", cells), 0));
        }
        return;
      }
      if (tag.equals("br")) {
        inline.append('\n');
        return;
      }
      boolean block = BLOCKS.contains(tag);
      if (block) {
        flush();
        // A paragraph inside a list item (LibreOffice writes <li><p>…</p></li>) is the item.
        inlineKind =
            tag.equals("li")
                    || tag.equals("dt")
                    || tag.equals("dd")
                    || (e.parent() != null && e.parent().normalName().equals("li"))
                ? BlockKind.LIST_ITEM
                : BlockKind.PARAGRAPH;
      }
      walk(e);
      if (block) {
        flush();
      }
    }

    void flush() {
      String text = InlineText.tidy(inline.toString());
      inline.setLength(0);
      if (text.isEmpty()) {
        inlineKind = BlockKind.PARAGRAPH;
        return;
      }
      java.util.OptionalInt level = NumberedHeading.level(text);
      if (inlineKind == BlockKind.PARAGRAPH && level.isPresent() && text.length() <= 40) {
        out.add(Block.heading(level.getAsInt(), text, 0));
      } else if (ContentsLine.hasLeader(text) || ContentsLine.isContentsTitle(text)) {
        out.add(Block.of(BlockKind.CONTENTS, text, 0));
      } else {
        out.add(Block.of(inlineKind, text, 0));
      }
      inlineKind = BlockKind.PARAGRAPH;
    }
  }
}
