package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.text.InlineNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Turns raw corpus text into clean, segmented text, and normalises queries the same way.
 *
 * <p>Contract: {@link #normalize} never throws and is linear; {@link #clean} returns a document
 * whose segments are non-blank, in order, and point exactly into its text; it throws only {@link
 * NullPointerException} for a null argument. Instances are stateless and thread-safe.
 *
 * <h2>Heuristics, and why</h2>
 *
 * <ul>
 *   <li><b>Two modes.</b> PDF heuristics would mangle ordinary prose, so they run only when a file
 *       looks extracted from a PDF: Yi syllables (a broken-font signature), folio lines such as
 *       "—６５—", or a blank line after most lines while most lines do not end a sentence (a clean
 *       file with one paragraph per line ends nearly every line with a full stop). Other files are
 *       read as prose: blank lines separate paragraphs, "#" lines are headings.
 *   <li><b>Inline form.</b> NFKC folds full-width digits and Latin ("２０１９", "ｈｔｔｐｓ"); circled
 *       digits are shielded from it because NFKC would turn "决议③" into "决议3". Spaces are dropped
 *       next to Han characters and CJK punctuation unless the other side is a Latin letter, because
 *       Chinese has no word spaces and the extractor inserts them around every number ("２００９ 年 １２
 *       月" → "2009年12月"), while "Shanghai Cooperation" keeps its.
 *   <li><b>Page furniture.</b> Folios are recognised by shape. Running headers are recognised by
 *       frequency: a short, title-like line seen twice is a header, whatever it says; the first
 *       occurrence is kept as a section title in reports that have no numbered headings, because
 *       such reports print the section title as the page header. A title-like line next to a folio
 *       is a header too, since journals print it beside the page number.
 *   <li><b>Paragraphs.</b> Blank lines mean nothing in these extractions. A paragraph ends after a
 *       line that ends a sentence (。！？) and is clearly narrower than the median line width (the
 *       column width): a full-width line that happens to end at a full stop usually goes on. A
 *       paragraph also ends before a heading, before a "【内容提要】"-style label, and before an
 *       ideographic-space indent. Lines are joined with a space that normalisation removes between
 *       Han characters but keeps between Latin words.
 *   <li><b>Footnotes.</b> A page's footnotes appear after its folio, or, when the folio is lost, as
 *       a block whose first line starts with an ASCII space (the extractor's block start). Such a
 *       block is a footnote block when its first lines read like citations (URL, "作者: 《题名》",
 *       "载《…》", "年第 n 期", "同①") or are wider than the body column (footnotes use a smaller font),
 *       or when it starts with a marker (①, or "1　" in plainly numbered reports). Body text resumes
 *       at the next block start that reads like prose, or, inside a block, after a completed
 *       footnote when the interrupted body sentence was unfinished or all standalone markers have
 *       their footnote. Body lines are joined across the footnote block, so a sentence split by a
 *       page break is rebuilt and the footnotes are emitted after its paragraph, never inside it.
 *   <li><b>Footnote markers.</b> Reference markers are removed from body text. Lost markers are
 *       restored when a run of footnotes has exactly as many entries as the body cited since the
 *       previous run, since footnotes follow the order of their references.
 *   <li><b>Tables.</b> A table runs from "表 n" to its "资料来源" line. Blank lines separate cells and a
 *       row starts at a "yyyy m d" date cell; each row becomes a TABLE segment whose cells are
 *       joined with " | ".
 * </ul>
 */
public final class TextCleaner {
  private static final Pattern FOLIO =
      Pattern.compile("^\\s*(?:[—－-]\\s*[0-9０-９]{1,4}\\s*[—－-]|·\\s*[0-9０-９]{1,4}\\s*·)\\s*$");

  /**
   * Normalises inline text (a line, a paragraph, a query) to the form used everywhere in the index.
   *
   * @param text any string, possibly null, empty, huge or malformed
   * @return the normalised text, never null; "" for null
   */
  public String normalize(String text) {
    return InlineNormalizer.normalize(text);
  }

  /**
   * Cleans a whole document.
   *
   * @param raw the document's text as read from disk
   * @return the cleaned text with BODY, FOOTNOTE and TABLE segments pointing into it
   */
  public CleanDocument clean(String raw) {
    Objects.requireNonNull(raw, "raw");
    String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
    List<String> rawLines = List.of(text.split("\\r\\n|\\r|\\n", -1));
    if (!looksLikePdfExtraction(rawLines)) {
      return new ProseCleaner().clean(rawLines);
    }
    List<PdfLine> lines = new ArrayList<>();
    boolean blankBefore = false;
    for (int i = 0; i < rawLines.size(); i++) {
      String line = rawLines.get(i);
      if (line.isBlank()) {
        blankBefore = true;
        continue;
      }
      lines.add(PdfLine.of(i, line, blankBefore));
      blankBefore = false;
    }
    return new PdfLayoutCleaner(lines).clean();
  }

  static boolean looksLikePdfExtraction(List<String> rawLines) {
    int nonBlank = 0;
    int followedByBlank = 0;
    int endsSentence = 0;
    int folios = 0;
    for (int i = 0; i < rawLines.size(); i++) {
      String line = rawLines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (line.chars().anyMatch(c -> c >= 0xA000 && c <= 0xA48F)) {
        return true;
      }
      nonBlank++;
      if (FOLIO.matcher(line).matches()) {
        folios++;
      }
      if (i + 1 < rawLines.size() && rawLines.get(i + 1).isBlank()) {
        followedByBlank++;
      }
      if (HeadingDetector.endsLikeSentence(line.strip().replaceAll("[”’」』)）\\d]+$", ""))) {
        endsSentence++;
      }
    }
    if (folios >= 2) {
      return true;
    }
    return nonBlank >= 8 && followedByBlank * 2 >= nonBlank && endsSentence * 2 < nonBlank;
  }
}
