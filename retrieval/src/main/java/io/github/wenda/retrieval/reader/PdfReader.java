package io.github.wenda.retrieval.reader;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF with PDFBox, page by page.
 *
 * <p>Pages are extracted in ranges of {@value #RANGE} (progress is reported after each) and only
 * their lines are kept, never the text twice; stream data is cached in a temporary file rather than
 * in memory, so a 200-page manual reads in bounded memory. Running headers, footers and page
 * numbers are found by repetition across pages ({@link RunningLines}) and dropped. Lines set in a
 * monospaced font are code and stay line by line; numbered lines ("2.7.9. …", "第3章") and short
 * lines in a clearly larger font are headings; a contents page becomes {@link BlockKind#CONTENTS}.
 * A paragraph that runs over a page break is joined, and keeps the page it started on.
 */
public final class PdfReader implements DocumentReader {
  private static final int RANGE = 10;

  /**
   * A gap between a CJK and a Latin glyph wider than this share of the font size is a space the
   * typesetter put there (xeCJK sets about a quarter em); justification stretches Chinese lines by
   * far less per glyph.
   */
  private static final float MIN_CJK_LATIN_GAP_EM = 0.15f;

  private final PageProgress progress;

  public PdfReader(PageProgress progress) {
    this.progress = progress;
  }

  public PdfReader() {
    this(PageProgress.NONE);
  }

  @Override
  public StructuredDocument read(Path file) {
    PDDocument pdf;
    try {
      pdf = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      throw new UnreadableDocumentException(file, "encrypted (needs a password)", e);
    } catch (IOException e) {
      throw new UnreadableDocumentException(file, "not a readable PDF: " + e.getMessage(), e);
    }
    try (pdf) {
      if (pdf.isEncrypted() && !pdf.getCurrentAccessPermission().canExtractContent()) {
        throw new UnreadableDocumentException(file, "encrypted (text extraction not permitted)");
      }
      int pages = pdf.getNumberOfPages();
      LineCollector collector = new LineCollector(pages);
      collector.setSortByPosition(false);
      collector.setParagraphStart("");
      collector.setParagraphEnd("");
      for (int from = 1; from <= pages; from += RANGE) {
        collector.setStartPage(from);
        collector.setEndPage(Math.min(pages, from + RANGE - 1));
        collector.writeText(pdf, Writer.nullWriter());
        progress.pages(file, Math.min(pages, from + RANGE - 1), pages);
      }
      Optional<String> title = Optional.ofNullable(pdf.getDocumentInformation().getTitle());
      StructuredDocument doc =
          new StructuredDocument(title, new PageLayout(collector.pages).blocks());
      if (doc.hasNoText()) {
        throw new UnreadableDocumentException(
            file, pages == 0 ? "has no pages" : "no text layer, needs OCR");
      }
      return doc;
    } catch (IOException | RuntimeException e) {
      if (e instanceof UnreadableDocumentException u) {
        throw u;
      }
      throw new UnreadableDocumentException(file, "broken PDF: " + e, e);
    }
  }

  /**
   * The run's text with a space wherever the glyph positions show a gap between a CJK and a Latin
   * glyph. Typesetters space "跟 test 命令" by moving the glyphs, not with a space glyph, and PDFBox's
   * word-space guess is measured against the CJK font's wide space, so it misses the gap. Text
   * whose characters do not map one to one onto the glyphs (ligatures, combining marks) is left as
   * PDFBox gave it.
   */
  static String withPositionedSpaces(String text, List<TextPosition> positions) {
    StringBuilder glyphs = new StringBuilder();
    for (TextPosition p : positions) {
      glyphs.append(p.getUnicode());
    }
    if (positions.size() < 2 || !glyphs.toString().equals(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 4);
    TextPosition prev = null;
    for (TextPosition p : positions) {
      if (prev != null
          && !prev.getUnicode().isBlank()
          && !p.getUnicode().isBlank()
          && isCjk(prev) != isCjk(p)
          && isCjkLetter(isCjk(prev) ? prev : p)
          && isLatin(isCjk(prev) ? p : prev)) {
        float gap = p.getXDirAdj() - (prev.getXDirAdj() + prev.getWidthDirAdj());
        if (gap
            > MIN_CJK_LATIN_GAP_EM
                * Math.max(1f, Math.min(prev.getFontSizeInPt(), p.getFontSizeInPt()))) {
          out.append(' ');
        }
      }
      out.append(p.getUnicode());
      prev = p;
    }
    return out.toString();
  }

  private static boolean isCjk(TextPosition p) {
    return !p.getUnicode().isEmpty() && InlineText.isCjk(p.getUnicode().codePointAt(0));
  }

  /**
   * A Han, kana or Hangul letter; full-width punctuation carries its own blank inside its advance.
   */
  private static boolean isCjkLetter(TextPosition p) {
    return Character.isLetter(p.getUnicode().codePointAt(0));
  }

  /**
   * A Latin letter, digit or ASCII mark ("(8)", "foo.conf"), which xeCJK and Word space off from
   * CJK.
   */
  private static boolean isLatin(TextPosition p) {
    int cp = p.getUnicode().codePointAt(0);
    return cp < 0x2000 && !Character.isWhitespace(cp);
  }

  /** PDFBox's layout with our own output: lines with their font facts, page by page. */
  private static final class LineCollector extends PDFTextStripper {
    final List<List<PdfLineRun>> pages = new ArrayList<>();
    private List<PdfLineRun> page;
    private final StringBuilder line = new StringBuilder();
    private final List<PdfGlyph> lineGlyphs = new ArrayList<>();
    private boolean paragraphStart;
    private int glyphs;
    private int latin;
    private int cjk;
    private int mono;
    private boolean firstCellProse;
    private boolean inFirstCell = true;
    private float lastEnd = -1;
    private float startX = -1;
    private double size;

    LineCollector(int pageCount) {
      for (int i = 0; i < pageCount; i++) {
        pages.add(new ArrayList<>());
      }
    }

    @Override
    protected void startPage(PDPage p) throws IOException {
      page = pages.get(getCurrentPageNo() - 1);
      page.clear();
      paragraphStart = true;
      super.startPage(p);
    }

    @Override
    protected void endPage(PDPage p) throws IOException {
      endLine();
      super.endPage(p);
    }

    @Override
    protected void writeParagraphStart() {
      endLine();
      paragraphStart = true;
    }

    @Override
    protected void writeParagraphEnd() {
      endLine();
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    @Override
    protected void writeWordSeparator() {
      line.append(' ');
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      if (!positions.isEmpty() && line.length() > 0 && lastEnd >= 0) {
        TextPosition first = positions.get(0);
        // A wide gap inside a line separates table cells; a word space is about a third of an em.
        if (first.getXDirAdj() - lastEnd > 2.5 * Math.max(1f, first.getFontSizeInPt())) {
          if (line.charAt(line.length() - 1) == ' ') {
            line.setLength(line.length() - 1);
          }
          if (inFirstCell) {
            // Chinese or proportional Latin before the first cell gap: the row starts with a prose
            // cell.
            firstCellProse = cjk > 0 || latin == 0 || (double) mono / latin < 0.8;
            inFirstCell = false;
          }
          line.append('\t');
        }
      }
      if (line.length() == 0 && !positions.isEmpty()) {
        startX = positions.get(0).getXDirAdj();
      }
      line.append(withPositionedSpaces(text, positions));
      for (TextPosition p : positions) {
        lineGlyphs.add(
            new PdfGlyph(
                p.getUnicode(),
                p.getXDirAdj(),
                p.getYDirAdj(),
                p.getWidthDirAdj(),
                p.getFontSizeInPt()));
        glyphs++;
        size += p.getFontSizeInPt();
        // CJK glyphs in a code line come from a fallback font; only the others tell code from
        // prose.
        boolean cjkGlyph =
            !p.getUnicode().isEmpty() && InlineText.isCjk(p.getUnicode().codePointAt(0));
        if (cjkGlyph) {
          cjk++;
        } else if (!p.getUnicode().isBlank()) {
          latin++;
          if (isMonospaced(p.getFont())) {
            mono++;
          }
        }
      }
      if (!positions.isEmpty()) {
        TextPosition last = positions.get(positions.size() - 1);
        lastEnd = last.getXDirAdj() + last.getWidthDirAdj();
      }
    }

    private void endLine() {
      if (page == null) {
        return;
      }
      String text = line.toString();
      if (!text.isBlank()) {
        page.add(
            new PdfLineRun(
                text,
                paragraphStart,
                latin == 0 ? 0 : (double) mono / latin,
                cjk,
                latin,
                glyphs == 0 ? 0 : size / glyphs,
                firstCellProse,
                startX,
                lineGlyphs));
        paragraphStart = false;
      }
      line.setLength(0);
      lineGlyphs.clear();
      lastEnd = -1;
      startX = -1;
      firstCellProse = false;
      inFirstCell = true;
      glyphs = 0;
      latin = 0;
      cjk = 0;
      mono = 0;
      size = 0;
    }

    private static boolean isMonospaced(PDFont font) {
      if (font == null) {
        return false;
      }
      String name = font.getName() == null ? "" : font.getName().toLowerCase(Locale.ROOT);
      if (name.contains("mono")
          || name.contains("courier")
          || name.contains("consol")
          || name.contains("typewriter")
          || name.matches(".*\\bcm?tt\\d*.*")
          || name.contains("+lmmono")
          || name.contains("menlo")) {
        return true;
      }
      return font.getFontDescriptor() != null && font.getFontDescriptor().isFixedPitch();
    }
  }

  /** Turns the pages' lines into blocks, dropping page furniture. */
  private static final class PageLayout {
    private final List<List<PdfLineRun>> pages;
    private final List<Block> out = new ArrayList<>();
    private final List<String> paragraph = new ArrayList<>();
    private BlockKind paragraphKind = BlockKind.PARAGRAPH;
    private int paragraphPage;
    private final List<String> code = new ArrayList<>();
    private int codePage;

    /** Lines between table rows that wrap the first cell of the row that follows them. */
    private final List<String> cellLead = new ArrayList<>();

    private int cellLeadPage;
    private PdfLineRun cellLeadLine;
    private final List<PdfLineRun> cellLeadRuns = new ArrayList<>();
    private boolean replaying;
    private PdfLineRun lastRow;
    private final double bodySize;

    /**
     * A note mark: a number (plain or superscript) right before the note's text, not a "3.5" or "10
     * %".
     */
    private static final Pattern FOOTNOTE_MARK =
        Pattern.compile("(\\d{1,3}|[¹²³⁰⁴-⁹]{1,3})(?![\\d.,:%)）])\\s?\\S");

    private static final Pattern CAPTION =
        Pattern.compile("^(?:Table|表|图|Figure)\\s*\\d+(?:\\.\\d+)*\\s*[.:：]\\s*\\S.*");

    private PdfLineRun paragraphFirst;

    private static final Pattern PROMPT = Pattern.compile("[$#%>] ");

    /** A list item's number: "7. ", "3) " (one level, unlike "2.7 …"). */
    private static final Pattern LIST_NUMBER = Pattern.compile("\\d{1,2}[.)）][\\s\\u3000]");

    PageLayout(List<List<PdfLineRun>> pages) {
      this.pages = pages;
      this.bodySize = medianSize(pages);
    }

    List<Block> blocks() {
      List<List<String>> texts =
          pages.stream().map(p -> p.stream().map(PdfLineRun::text).toList()).toList();
      RunningLines furniture = new RunningLines(texts);
      for (int pi = 0; pi < pages.size(); pi++) {
        int pageNo = pi + 1;
        List<PdfLineRun> lines = pages.get(pi);
        List<PdfLineRun> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          if (!furniture.isFurniture(lines.get(i).text(), i, lines.size())) {
            body.add(lines.get(i));
          }
        }
        if (ContentsLine.isContentsPage(body.stream().map(PdfLineRun::text).toList())) {
          flushAll();
          for (PdfLineRun l : body) {
            if (!ContentsLine.isContentsTitle(l.text())) {
              out.add(Block.of(BlockKind.CONTENTS, InlineText.tidyExtracted(l.text()), pageNo));
            }
          }
          pages.set(pi, List.of()); // let the page's lines go
          continue;
        }
        int notes = footnotesStart(body);
        for (int i = 0; i < notes; i++) {
          PdfLineRun l = body.get(i);
          if (startsTable(l)) {
            PdfTable.Rows table = PdfTable.read(body.subList(i, notes));
            if (!table.rows().isEmpty()) {
              flushAll();
              for (String row : table.rows()) {
                out.add(Block.of(BlockKind.TABLE_ROW, row, pageNo));
              }
              lastRow = body.get(i + table.linesUsed() - 1);
              i += table.linesUsed() - 1;
              continue;
            }
          }
          line(l, pageNo, i == 0);
        }
        // Footnotes go out as their own blocks and leave an open paragraph open: it may go on
        // overleaf.
        footnotes(body.subList(notes, body.size()), pageNo);
        pages.set(pi, List.of());
      }
      flushAll();
      return out;
    }

    /** A first table row: a prose line with a wide gap between cells, and its glyphs known. */
    private static boolean startsTable(PdfLineRun l) {
      return !l.isMono()
          && l.text().indexOf('\t') > 0
          && !ContentsLine.hasLeader(l.text().replace('\t', ' '))
          && !l.glyphs().isEmpty();
    }

    /**
     * Where the page's footnotes start: the trailing lines set smaller than the body text, from the
     * first of them that starts with a note mark ("3参见 …", "⁴当然了…"); the body's size if none.
     */
    private int footnotesStart(List<PdfLineRun> body) {
      int start = body.size();
      while (start > 0 && isSmallProse(body.get(start - 1))) {
        start--;
      }
      while (start < body.size()
          && !FOOTNOTE_MARK.matcher(body.get(start).text().strip()).lookingAt()) {
        start++;
      }
      return start == 0 ? body.size() : start; // a page set small throughout is no page of notes
    }

    private boolean isSmallProse(PdfLineRun l) {
      return bodySize > 0
          && l.fontSize() > 0
          && l.fontSize() < bodySize * 0.9
          && !l.isMono()
          && l.text().indexOf('\t') < 0;
    }

    private void footnotes(List<PdfLineRun> lines, int pageNo) {
      List<String> note = new ArrayList<>();
      for (PdfLineRun l : lines) {
        String text = InlineText.tidyExtracted(l.text());
        if (FOOTNOTE_MARK.matcher(text).lookingAt() && !note.isEmpty()) {
          out.add(Block.of(BlockKind.FOOTNOTE, InlineText.joinWrapped(note), pageNo));
          note.clear();
        }
        if (!text.isEmpty()) {
          note.add(text);
        }
      }
      if (!note.isEmpty()) {
        out.add(Block.of(BlockKind.FOOTNOTE, InlineText.joinWrapped(note), pageNo));
      }
    }

    private void line(PdfLineRun l, int pageNo, boolean firstOnPage) {
      String raw = l.text();
      // A wrapped line that goes on with a sentence left open ("…文件应当有像"hosts: files md" /
      // "ns4_minimal …"这样的一段。") continues it, even when the literal makes it mostly
      // monospaced.
      // A shell prompt starts a command even after a sentence without a colon ("尝试下列例子").
      boolean continuesProse =
          !paragraph.isEmpty()
              && code.isEmpty()
              && !l.paragraphStart()
              && !endsParagraph()
              && !PROMPT.matcher(raw.strip()).lookingAt();
      if (l.isMono() && !continuesProse) {
        releaseCellLead();
        flushParagraph();
        if (code.isEmpty()) {
          codePage = pageNo;
        }
        code.add(raw.stripTrailing());
        return;
      }
      flushCode();
      if (raw.indexOf('\t') > 0 && !ContentsLine.hasLeader(raw.replace('\t', ' '))) {
        flushParagraph();
        List<String> cells = new ArrayList<>();
        for (String cell : raw.split("\t")) {
          cells.add(InlineText.tidyExtracted(cell));
        }
        if (!cellLead.isEmpty() && !l.startsBelow(cellLeadLine)) {
          releaseCellLead();
          flushParagraph();
        }
        lastRow = l;
        if (!cellLead.isEmpty()) {
          // The first cell wrapped onto lines above the row's other cells (they sit on its last
          // line).
          List<String> wrapped = new ArrayList<>(cellLead);
          wrapped.add(cells.get(0));
          cells.set(0, InlineText.joinWrapped(wrapped));
          pageNo = cellLeadPage;
          cellLead.clear();
          cellLeadRuns.clear();
        }
        out.add(Block.of(BlockKind.TABLE_ROW, String.join(" | ", cells), pageNo));
        return;
      }
      String text = InlineText.tidyExtracted(raw);
      if (text.isEmpty()) {
        return;
      }
      if (wrapsNextCell(l, text)) {
        if (cellLead.isEmpty()) {
          cellLeadPage = pageNo;
          cellLeadLine = l;
        }
        cellLead.add(text);
        cellLeadRuns.add(l);
        return;
      }
      releaseCellLead();
      if (ContentsLine.hasLeader(text)) {
        flushParagraph();
        out.add(Block.of(BlockKind.CONTENTS, text, pageNo));
        return;
      }
      OptionalInt level = headingLevel(l, text);
      if (level.isPresent() && (l.paragraphStart() || paragraph.isEmpty() || endsParagraph())) {
        flushParagraph();
        out.add(Block.heading(level.getAsInt(), text, pageNo));
        return;
      }
      boolean bullet =
          text.matches("^[•●◦▪■◆‣–\\-*·][\\s\\u3000].*")
              || text.matches("^\\d{1,2}[.)）][\\s\\u3000].*");
      // A page break inside a sentence is no paragraph start: PDFBox starts every page with one.
      boolean continues = firstOnPage && !paragraph.isEmpty() && !endsParagraph() && !bullet;
      if ((l.paragraphStart() && !continues) || bullet || endsCaption(l)) {
        flushParagraph();
      }
      if (paragraph.isEmpty()) {
        paragraphPage = pageNo;
        paragraphKind = bullet ? BlockKind.LIST_ITEM : BlockKind.PARAGRAPH;
      }
      if (paragraph.isEmpty()) {
        paragraphFirst = l;
      }
      paragraph.add(text);
    }

    /**
     * A caption ("Table 2.11: aptitude 正则表达式") is a paragraph of its own: typesetters centre it
     * under its table, so a line that is not centred on the same axis (the tip or text after it)
     * starts a new paragraph even where PDFBox saw no paragraph break.
     */
    private boolean endsCaption(PdfLineRun l) {
      if (paragraph.size() != 1
          || paragraphFirst == null
          || !CAPTION.matcher(paragraph.get(0)).matches()
          || paragraphFirst.glyphs().isEmpty()
          || l.glyphs().isEmpty()) {
        return false;
      }
      double em = Math.max(1, l.fontSize());
      return Math.abs(centre(paragraphFirst) - centre(l)) > em;
    }

    private static double centre(PdfLineRun l) {
      List<PdfGlyph> g = l.glyphs();
      return (g.get(0).x() + g.get(g.size() - 1).end()) / 2.0;
    }

    /**
     * Right after a table row, a line without cells that does not end a sentence, is no heading and
     * no caption ("Table 3.5: …", "表 2") and starts in the table's first column is held: if a row
     * starting in the same column follows, it is that row's wrapped first cell. (A line in a later
     * column continues the row above and stays as it was.)
     */
    private boolean wrapsNextCell(PdfLineRun l, String text) {
      return !replaying
          && paragraph.isEmpty()
          && !out.isEmpty()
          && out.get(out.size() - 1).kind() == BlockKind.TABLE_ROW
          && lastRow != null
          && l.startsBelow(lastRow)
          && cellLead.size() < 3
          && !NumberedHeading.endsLikeSentence(text)
          && headingLevel(l, text).isEmpty()
          && !text.matches("^(Table|表|图|Figure)\\s*\\d.*");
    }

    /**
     * Held lines that no row followed are read again as the ordinary lines after the table they
     * are.
     */
    private void releaseCellLead() {
      if (!cellLead.isEmpty()) {
        List<PdfLineRun> held = new ArrayList<>(cellLeadRuns);
        int page = cellLeadPage;
        cellLead.clear();
        cellLeadRuns.clear();
        replaying = true;
        for (PdfLineRun run : held) {
          line(run, page, false);
        }
        replaying = false;
      }
    }

    private OptionalInt headingLevel(PdfLineRun l, String text) {
      OptionalInt numbered = NumberedHeading.level(text);
      if (numbered.isPresent()) {
        // "7. 运行 postinst 脚本" in the body's font is the seventh step of a numbered list, not a
        // chapter: typesetters set top-level headings larger than the text, and a list read as
        // headings would replace the chapter in the section path of every passage after it.
        return LIST_NUMBER.matcher(text).lookingAt() && !isLarger(l, 1.1)
            ? OptionalInt.empty()
            : numbered;
      }
      if (isLarger(l, 1.25) && text.length() <= 40 && !NumberedHeading.endsLikeSentence(text)) {
        return OptionalInt.of(l.fontSize() >= bodySize * 1.6 ? 1 : 2);
      }
      return OptionalInt.empty();
    }

    private boolean isLarger(PdfLineRun l, double factor) {
      return bodySize > 0 && l.fontSize() >= bodySize * factor;
    }

    private boolean endsParagraph() {
      if (paragraph.isEmpty()) {
        return true;
      }
      String last = paragraph.get(paragraph.size() - 1);
      char c = last.charAt(last.length() - 1);
      return "。！？!?：:”」』）)".indexOf(c) >= 0 || (c == '.' && !last.endsWith("..."));
    }

    private void flushParagraph() {
      if (!paragraph.isEmpty()) {
        String text = InlineText.joinWrapped(paragraph);
        if (!text.isBlank()) {
          out.add(Block.of(paragraphKind, text, paragraphPage));
        }
        paragraph.clear();
      }
    }

    private void flushCode() {
      while (!code.isEmpty() && code.get(code.size() - 1).isBlank()) {
        code.remove(code.size() - 1);
      }
      if (!code.isEmpty()) {
        out.add(Block.of(BlockKind.CODE, String.join("\n", code), codePage));
        code.clear();
      }
    }

    private void flushAll() {
      releaseCellLead();
      flushParagraph();
      flushCode();
    }

    private static double medianSize(List<List<PdfLineRun>> pages) {
      double[] sizes =
          pages.stream()
              .flatMap(List::stream)
              .filter(l -> l.fontSize() > 0)
              .mapToDouble(PdfLineRun::fontSize)
              .sorted()
              .toArray();
      return sizes.length == 0 ? 0 : sizes[sizes.length / 2];
    }
  }
}
