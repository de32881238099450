package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.text.InlineNormalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans the text of a PDF extraction; see {@link TextCleaner} for the heuristics and why. One
 * instance cleans one document.
 */
final class PdfLayoutCleaner {
  private static final Pattern TABLE_TITLE = Pattern.compile("^表\\s*\\d+.*");
  private static final Pattern TABLE_CONTINUED = Pattern.compile("^[(（]?续表\\s*\\d*[)）]?$");
  private static final Pattern TABLE_ROW_START = Pattern.compile("^\\d{4}\\s+\\d{1,2}\\b.*");
  private static final Pattern NUMBERED_FOOTNOTE_LINE = Pattern.compile("^\\s*(\\d{1,2})\\u3000");
  private static final Pattern PLAIN_REFERENCE =
      Pattern.compile("(?<=[。”，、；！？)）])(\\d{1,2})(?=\\s|$|“)");
  private static final Pattern DATE_CELL =
      Pattern.compile(
          "^(\\d{4}(?:\\s+\\d{1,2}){1,2}(?:\\s*[~～-]\\s*\\d{1,2})?[,，]?)\\s+([^\\d~～\\s].*)$");
  private static final int MAX_TABLE_LINES = 400;

  /** A line this many ems narrower than the column ends its paragraph when it ends a sentence. */
  private static final double SHORT_LINE_EMS = 2;

  /** A line this much wider than the body column is in the smaller footnote font. */
  private static final double WIDE_LINE = 1.12;

  private enum Mode {
    BODY,
    FOOTNOTE
  }

  private record Item(String marker, String section, List<String> lines) {}

  private final List<PdfLine> lines;
  private final DocumentBuilder out = new DocumentBuilder();
  private final HeadingDetector headings = new HeadingDetector();
  private final double typicalEm;
  private final Set<Integer> footnoteNumbers = new HashSet<>();
  private final boolean numberedFootnotes;

  private Mode mode = Mode.BODY;
  private final List<String> paragraph = new ArrayList<>();
  private String paragraphSection = "";
  private final List<String> bodyRefs = new ArrayList<>();
  private final List<String> standaloneMarkers = new ArrayList<>();
  private final List<Item> runItems = new ArrayList<>();
  private final List<Item> ready = new ArrayList<>();
  private PdfLine previousFootnoteLine;
  private boolean lastItemEnded = true;

  PdfLayoutCleaner(List<PdfLine> lines) {
    this.lines = lines;
    this.typicalEm = typicalWidth(lines);
    for (PdfLine l : lines) {
      Matcher m = NUMBERED_FOOTNOTE_LINE.matcher(l.raw());
      if (m.find() && l.raw().length() > 12) {
        footnoteNumbers.add(Integer.parseInt(m.group(1)));
      }
    }
    this.numberedFootnotes = footnoteNumbers.size() >= 2;
  }

  CleanDocument clean() {
    Set<Integer> table = new HashSet<>();
    List<int[]> tables = findTables(table);
    Set<Integer> pageNumbers = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!table.contains(i) && PageArtifacts.isPageNumber(lines.get(i).normalized())) {
        pageNumbers.add(i);
      }
    }
    PageArtifacts.Headers headers = PageArtifacts.runningHeaders(lines, pageNumbers, table);
    boolean numberedHeadings = false;
    for (int i = 0; i < lines.size(); i++) {
      numberedHeadings |=
          !table.contains(i) && HeadingDetector.detect(lines.get(i).raw()).isPresent();
    }

    boolean afterPageNumber = false;
    boolean previousEndedSentence = true;
    for (int i = 0; i < lines.size(); i++) {
      int[] t = tableStartingAt(tables, i);
      if (t != null) {
        flushParagraph();
        endFootnoteRun();
        emitTable(t[0], t[1]);
        i = t[1];
        previousEndedSentence = true;
        continue;
      }
      PdfLine line = lines.get(i);
      if (pageNumbers.contains(i)) {
        afterPageNumber = true;
        continue;
      }
      if (headers.dropped().contains(i)) {
        continue;
      }
      Optional<Heading> heading = HeadingDetector.detect(line.raw());
      if (heading.isEmpty()
          && !numberedHeadings
          && HeadingDetector.looksLikePlainTitle(line.normalized())
          && (headers.firstOccurrences().contains(i) || previousEndedSentence)) {
        // Reports without numbered sections mark them with a bare title line between paragraphs.
        heading = Optional.of(new Heading(1, InlineNormalizer.display(line.raw())));
      }
      if (heading.isPresent()) {
        flushParagraph();
        endFootnoteRun();
        flushReady();
        headings.enter(heading.get());
        out.heading(heading.get().text());
        mode = Mode.BODY;
        afterPageNumber = false;
        previousEndedSentence = true;
        continue;
      }
      Mode next = decideMode(i, line, afterPageNumber);
      afterPageNumber = false;
      if (mode == Mode.FOOTNOTE && next == Mode.BODY) {
        endFootnoteRun();
      }
      mode = next;
      if (mode == Mode.FOOTNOTE) {
        footnoteLine(line);
      } else {
        bodyLine(line);
      }
      previousEndedSentence = HeadingDetector.endsLikeSentence(line.normalized());
    }
    flushParagraph();
    endFootnoteRun();
    flushReady();
    return out.build();
  }

  /** Decides whether a line is body text or footnote text; see the class Javadoc of TextCleaner. */
  private Mode decideMode(int i, PdfLine line, boolean afterPageNumber) {
    if (Footnotes.isMarkerLine(line.normalized())
        || Footnotes.startsWithMarker(line, numberedFootnotes)) {
      return Mode.FOOTNOTE;
    }
    if (afterPageNumber || line.lead()) {
      return blockLooksLikeFootnotes(i) ? Mode.FOOTNOTE : Mode.BODY;
    }
    if (mode == Mode.FOOTNOTE
        && !runItems.isEmpty()
        && lastItemEnded
        && !Footnotes.looksLikeCitation(line.normalized())
        && !line.normalized().startsWith("«")
        && !line.normalized().startsWith("《")) {
      // every footnote the page announced (by marker lines, or by references in the body) is read
      // (markers get lost, so trust whichever count is larger)
      int expected = Math.max(standaloneMarkers.size(), bodyRefs.size());
      if (expected > 0 && runItems.size() >= expected) {
        return Mode.BODY;
      }
    }
    return mode;
  }

  /**
   * The first lines of a block (up to the next lead line) read like citations or are too wide for
   * the body.
   */
  private boolean blockLooksLikeFootnotes(int start) {
    if (lines.get(start).normalized().startsWith("【")) {
      return false;
    }
    for (int k = start; k < Math.min(lines.size(), start + 4); k++) {
      PdfLine l = lines.get(k);
      if (k > start && (l.lead() || PageArtifacts.isPageNumber(l.normalized()))) {
        break;
      }
      if (Footnotes.looksLikeCitation(l.normalized()) || l.em() > typicalEm * WIDE_LINE) {
        return true;
      }
    }
    return false;
  }

  private void footnoteLine(PdfLine line) {
    if (Footnotes.isMarkerLine(line.normalized())) {
      line.normalized()
          .codePoints()
          .filter(InlineNormalizer::isCircledDigit)
          .forEach(cp -> standaloneMarkers.add(new String(Character.toChars(cp))));
      lastItemEnded = true;
      previousFootnoteLine = null;
      return;
    }
    String raw = guillemets(line.text());
    boolean urlContinuation = !line.normalized().isEmpty() && line.normalized().charAt(0) < 128;
    if (runItems.isEmpty()
        || line.lead() && !urlContinuation
        || Footnotes.startsNewItem(previousFootnoteLine, line, numberedFootnotes)) {
      String[] split = Footnotes.splitMarker(raw, numberedFootnotes);
      runItems.add(new Item(split[0], headings.section(), new ArrayList<>(List.of(split[1]))));
    } else {
      runItems.get(runItems.size() - 1).lines().add(raw);
    }
    previousFootnoteLine = line;
    lastItemEnded = Footnotes.endsItem(line.normalized());
  }

  private void bodyLine(PdfLine line) {
    if (line.indent() || line.normalized().startsWith("【")) {
      flushParagraph();
    }
    if (line.lead()) {
      bodyRefs.clear(); // a new page: footnote numbering restarts, earlier references are settled
    }
    String text = stripReferences(guillemets(line.text()));
    if (text.startsWith("【关")) {
      // keywords are separated only by ideographic spaces, which normalisation would remove
      text =
          text.replaceFirst("^(【[^】]*】)[\\s\u3000]*", "$1")
              .replaceAll("[ ]*\u3000[\\s\u3000]*", "；");
    }
    if (paragraph.isEmpty()) {
      paragraphSection = headings.section();
    }
    paragraph.add(text);
    String normalized = InlineNormalizer.normalize(text);
    boolean finished = HeadingDetector.endsLikeSentence(normalized.replaceAll("[”’」』)）]+$", ""));
    boolean frontMatter = paragraph.get(0).startsWith("【");
    if (finished && (frontMatter || line.em() < typicalEm - SHORT_LINE_EMS)) {
      flushParagraph();
    }
  }

  /** Removes footnote reference markers from body text, remembering them to label footnotes. */
  private String stripReferences(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (InlineNormalizer.isCircledDigit(cp)) {
                bodyRefs.add(new String(Character.toChars(cp)));
              } else {
                sb.appendCodePoint(cp);
              }
            });
    if (!numberedFootnotes) {
      return sb.toString();
    }
    Matcher m = PLAIN_REFERENCE.matcher(sb);
    StringBuilder result = new StringBuilder();
    while (m.find()) {
      boolean known = footnoteNumbers.contains(Integer.parseInt(m.group(1)));
      m.appendReplacement(result, known ? "" : m.group(1));
    }
    m.appendTail(result);
    return result.toString();
  }

  private void flushParagraph() {
    if (!paragraph.isEmpty()) {
      out.segment(
          SegmentKind.BODY,
          paragraphSection,
          InlineNormalizer.display(String.join(" ", paragraph)));
      paragraph.clear();
    }
    flushReady();
  }

  private void flushReady() {
    for (Item item : ready) {
      out.segment(
          SegmentKind.FOOTNOTE, item.section(), Footnotes.text(item.marker(), item.lines()));
    }
    ready.clear();
  }

  /**
   * Closes a run of footnotes. Markers are often lost; when the run has exactly as many footnotes
   * as the body cited since the previous run (or as standalone marker lines), they are matched in
   * order, since footnotes follow the order of their references.
   */
  private void endFootnoteRun() {
    List<String> labels =
        runItems.size() == bodyRefs.size()
            ? bodyRefs
            : runItems.size() == standaloneMarkers.size() ? standaloneMarkers : List.of();
    for (int k = 0; k < runItems.size(); k++) {
      Item item = runItems.get(k);
      String marker = !item.marker().isEmpty() || labels.isEmpty() ? item.marker() : labels.get(k);
      ready.add(new Item(marker, item.section(), item.lines()));
    }
    if (!runItems.isEmpty() || !standaloneMarkers.isEmpty()) {
      bodyRefs.clear();
    }
    runItems.clear();
    standaloneMarkers.clear();
    previousFootnoteLine = null;
    lastItemEnded = true;
    mode = Mode.BODY;
  }

  private List<int[]> findTables(Set<Integer> table) {
    List<int[]> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!TABLE_TITLE.matcher(lines.get(i).normalized()).matches()) {
        continue;
      }
      for (int j = i + 1; j < Math.min(lines.size(), i + MAX_TABLE_LINES); j++) {
        if (lines.get(j).normalized().startsWith("资料来源")) {
          found.add(new int[] {i, j});
          for (int k = i; k <= j; k++) {
            table.add(k);
          }
          i = j;
          break;
        }
      }
    }
    return found;
  }

  private static int[] tableStartingAt(List<int[]> tables, int i) {
    for (int[] t : tables) {
      if (t[0] == i) {
        return t;
      }
    }
    return null;
  }

  /**
   * Emits a table: the title, the column header once, one segment per row, the source line. In the
   * extraction a blank line separates cells and a row starts with a "yyyy m d" date cell.
   */
  private void emitTable(int start, int end) {
    String section = headings.section();
    out.segment(SegmentKind.TABLE, section, InlineNormalizer.display(lines.get(start).raw()));
    String header = null;
    List<List<String>> row = new ArrayList<>();
    for (int i = start + 1; i <= end; i++) {
      PdfLine line = lines.get(i);
      String n = line.normalized();
      if (PageArtifacts.isPageNumber(n) && n.length() > 3 || TABLE_CONTINUED.matcher(n).matches()) {
        continue; // a folio or "(续表 1)" inside the table
      }
      if (header == null && row.isEmpty() && !TABLE_ROW_START.matcher(n).matches()) {
        header = n;
        out.segment(
            SegmentKind.TABLE,
            section,
            String.join(
                " | ",
                java.util.Arrays.stream(line.text().split("[\\s\u3000]+"))
                    .map(InlineNormalizer::display)
                    .toList()));
        continue;
      }
      if (n.equals(header)) {
        continue;
      }
      if (n.startsWith("资料来源")) {
        emitRow(row, section);
        out.segment(SegmentKind.TABLE, section, InlineNormalizer.display(line.raw()));
        continue;
      }
      if (TABLE_ROW_START.matcher(n).matches() && (line.blankBefore() || row.isEmpty())) {
        emitRow(row, section);
      }
      String cellLine = stripReferences(guillemets(line.text()));
      if (row.isEmpty()
          || line.blankBefore()
          || cellLine.startsWith("《") && closedTitles(row.get(row.size() - 1))) {
        row.add(new ArrayList<>());
      }
      Matcher date = DATE_CELL.matcher(InlineNormalizer.displayCharacters(cellLine).strip());
      if (row.size() == 1 && row.get(0).isEmpty() && date.matches()) {
        row.get(0)
            .add(date.group(1)); // "2005 4 12 独联体": the date and the organisation share a line
        row.add(new ArrayList<>(List.of(date.group(2))));
        continue;
      }
      row.get(row.size() - 1).add(cellLine);
    }
    emitRow(row, section);
  }

  /** True when every 《 in the cell so far is closed, so a line opening 《 starts a new cell. */
  private static boolean closedTitles(List<String> cell) {
    String s = String.join("", cell);
    return s.chars().filter(c -> c == '《').count() == s.chars().filter(c -> c == '》').count();
  }

  private void emitRow(List<List<String>> row, String section) {
    if (row.isEmpty()) {
      return;
    }
    List<String> cells =
        row.stream()
            .map(c -> InlineNormalizer.display(String.join(" ", c)))
            .filter(c -> !c.isEmpty())
            .toList();
    out.segment(SegmentKind.TABLE, section, String.join(" | ", cells));
    row.clear();
  }

  /** The PDF fonts decode 《》 as «»; Chinese text never uses guillemets. */
  private static String guillemets(String s) {
    return s.replace('«', '《').replace('»', '》');
  }

  /** The body column width in ems: the median width of substantial lines. */
  private static double typicalWidth(List<PdfLine> lines) {
    double[] widths =
        lines.stream().mapToDouble(PdfLine::em).filter(w -> w >= 6).sorted().toArray();
    return widths.length == 0 ? 30 : widths[widths.length / 2];
  }
}
