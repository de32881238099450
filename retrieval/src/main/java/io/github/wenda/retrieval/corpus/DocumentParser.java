package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.DocumentFormat;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.reader.Block;
import io.github.wenda.retrieval.reader.BlockKind;
import io.github.wenda.retrieval.reader.DocumentReader;
import io.github.wenda.retrieval.reader.DocxReader;
import io.github.wenda.retrieval.reader.HtmlReader;
import io.github.wenda.retrieval.reader.MarkdownReader;
import io.github.wenda.retrieval.reader.PageProgress;
import io.github.wenda.retrieval.reader.PdfReader;
import io.github.wenda.retrieval.reader.StructuredDocument;
import io.github.wenda.retrieval.reader.UnreadableDocumentException;
import io.github.wenda.retrieval.text.InlineNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a loaded document with its format's reader and lays its blocks out as a {@link
 * CleanDocument}: headings go into the section path (and the text, between segments, where no
 * passage takes them), every other block becomes one segment of its kind with its page.
 *
 * <p>Text and Markdown are parsed from the text the loader already decoded; PDF, HTML and Word are
 * read from the file now, so only changed documents are ever parsed.
 */
public final class DocumentParser {
  private final PageProgress progress;
  private final TextReader text = new TextReader();
  private final MarkdownReader markdown = new MarkdownReader();

  public DocumentParser(PageProgress progress) {
    this.progress = progress;
  }

  public DocumentParser() {
    this(PageProgress.NONE);
  }

  /** The reader for a format (one per format, picked by file extension). */
  public DocumentReader readerFor(DocumentFormat format) {
    return switch (format) {
      case PDF -> new PdfReader(progress);
      case HTML -> new HtmlReader();
      case DOCX -> new DocxReader();
      case MARKDOWN -> markdown;
      case TEXT -> text;
    };
  }

  /** The document's blocks. */
  public StructuredDocument read(Document d) {
    return switch (d.format()) {
      case TEXT -> text.fromText(d.rawText());
      case MARKDOWN -> markdown.parse(d.rawText());
      default -> readerFor(d.format()).read(d.path());
    };
  }

  /**
   * The document cleaned and segmented.
   *
   * @throws UnreadableDocumentException naming the file and why, when it cannot be read or holds no
   *     text
   */
  public CleanDocument parse(Document d) {
    StructuredDocument doc = read(d);
    if (doc.hasNoText()) {
      throw new UnreadableDocumentException(d.path(), "no text found in it");
    }
    // Text files are cleaned into display form by TextCleaner already; the readers keep the file's
    // characters, so fold only what every format folds for display (full-width Latin letters and
    // digits, Yi-syllable PDF marks, invisible characters), keeping the punctuation and the layout.
    return d.format() == DocumentFormat.TEXT ? layOut(doc) : layOut(displayForm(doc));
  }

  private static StructuredDocument displayForm(StructuredDocument doc) {
    List<Block> blocks = new ArrayList<>(doc.blocks().size());
    for (Block b : doc.blocks()) {
      String text = InlineNormalizer.displayCharacters(b.text());
      if (!text.isBlank()) { // a block of invisible characters only
        blocks.add(new Block(b.kind(), b.level(), text, b.page()));
      }
    }
    return new StructuredDocument(doc.title(), blocks);
  }

  /** Headings into section paths, other blocks into segments. */
  public static CleanDocument layOut(StructuredDocument doc) {
    StringBuilder text = new StringBuilder();
    List<Segment> segments = new ArrayList<>();
    List<Block> path = new ArrayList<>(); // open headings, outermost first
    for (Block b : doc.blocks()) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      String t = b.text().strip();
      switch (b.kind()) {
        case HEADING -> {
          while (!path.isEmpty() && path.get(path.size() - 1).level() >= b.level()) {
            path.remove(path.size() - 1);
          }
          path.add(b);
          text.append(t);
        }
        default -> {
          int start = text.length();
          text.append(t);
          segments.add(
              new Segment(
                  kindOf(b),
                  String.join(
                      io.github.wenda.retrieval.api.Passage.SECTION_SEPARATOR,
                      path.stream().map(h -> h.text().strip()).toList()),
                  start,
                  text.length(),
                  b.page(),
                  b.kind() == BlockKind.LIST_ITEM));
        }
      }
    }
    return new CleanDocument(text.toString(), segments);
  }

  private static SegmentKind kindOf(Block b) {
    return switch (b.kind()) {
      case FOOTNOTE -> SegmentKind.FOOTNOTE;
      case TABLE_ROW -> SegmentKind.TABLE;
      case CODE -> SegmentKind.CODE;
      case CONTENTS -> SegmentKind.CONTENTS;
      default -> SegmentKind.BODY;
    };
  }
}
