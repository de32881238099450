package io.github.wenda.retrieval.reader;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises table-of-contents lines: a title, a dot leader ("……", ". . . .", "·····") and a page
 * number. Such lines repeat every heading of the document, so they match almost any question and
 * must never be quoted as its answer.
 */
public final class ContentsLine {
  private static final Pattern LEADER =
      Pattern.compile("^\\S.*?(?:(?:\\s?[.．·…⋯]){3,}|\\t)\\s*[0-9ivxlcdmIVXLCDM]{1,5}$");
  private static final Pattern TITLE =
      Pattern.compile(
          "^(?:目\\s*录|目\\s*次|内容目录|table of contents|contents)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENDS_IN_NUMBER = Pattern.compile("^\\S.*\\S\\s+\\d{1,4}$");

  private ContentsLine() {}

  /** A line with a dot leader before a page number. */
  public static boolean hasLeader(String line) {
    return LEADER.matcher(line.strip()).matches();
  }

  /** "目录", "Contents": the title of a contents page. */
  public static boolean isContentsTitle(String line) {
    return TITLE.matcher(line.strip()).matches();
  }

  /**
   * A page of contents: it carries a contents title or dot leaders on most lines, and most of its
   * lines end in a page number.
   */
  public static boolean isContentsPage(List<String> lines) {
    long nonBlank = lines.stream().filter(l -> !l.isBlank()).count();
    if (nonBlank < 3) {
      return false;
    }
    long leaders = lines.stream().filter(ContentsLine::hasLeader).count();
    long numbered =
        lines.stream()
            .filter(l -> hasLeader(l) || ENDS_IN_NUMBER.matcher(l.strip()).matches())
            .count();
    boolean titled = lines.stream().limit(5).anyMatch(ContentsLine::isContentsTitle);
    return (titled && numbered * 2 >= nonBlank - 1) || leaders * 2 > nonBlank;
  }
}
