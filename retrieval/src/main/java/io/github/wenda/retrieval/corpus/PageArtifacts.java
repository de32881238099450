package io.github.wenda.retrieval.corpus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the lines a page layout adds to a PDF extraction: page numbers and running headers.
 *
 * <p>Page numbers come as "—６５—", "·８·" or a bare number on its own line. Running headers are found
 * by frequency rather than by name: a short title-like line (mostly Han, no sentence punctuation)
 * that occurs at least twice is a header repeated page after page, whatever its wording. A
 * title-like line right next to a page number is also a header even when it occurs only once,
 * because the journal prints its header beside the folio.
 */
final class PageArtifacts {
  private static final Pattern PAGE_NUMBER =
      Pattern.compile(
          "^(?:[—–\\-－―~]+\\s*\\d{1,4}\\s*[—–\\-－―~]+|[·•]\\s*\\d{1,4}\\s*[·•]|\\d{1,4}|第\\s*\\d{1,4}\\s*页)$");

  private PageArtifacts() {}

  /** True for a page-number line; takes a normalised line. */
  static boolean isPageNumber(String normalized) {
    return PAGE_NUMBER.matcher(normalized).matches();
  }

  /** The result of header detection: lines to drop, and first occurrences that may be headings. */
  record Headers(Set<Integer> dropped, Set<Integer> firstOccurrences) {}

  /**
   * Finds running headers among {@code lines}; {@code pageNumbers} and {@code excluded} (tables)
   * hold line positions in {@code lines}.
   */
  static Headers runningHeaders(
      List<PdfLine> lines, Set<Integer> pageNumbers, Set<Integer> excluded) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!excluded.contains(i) && isHeaderLike(lines.get(i))) {
        counts.merge(lines.get(i).normalized(), 1, Integer::sum);
      }
    }
    Set<Integer> dropped = new HashSet<>();
    Set<Integer> first = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (excluded.contains(i) || pageNumbers.contains(i) || !isHeaderLike(lines.get(i))) {
        continue;
      }
      String key = lines.get(i).normalized();
      boolean besidePageNumber = pageNumbers.contains(i - 1) || pageNumbers.contains(i + 1);
      if (counts.getOrDefault(key, 0) >= 2) {
        if (seen.add(key) && !besidePageNumber) {
          first.add(i);
        } else {
          dropped.add(i);
        }
      } else if (besidePageNumber) {
        dropped.add(i);
      }
    }
    return new Headers(dropped, first);
  }

  private static boolean isHeaderLike(PdfLine line) {
    String n = line.normalized();
    return HeadingDetector.detect(line.raw()).isEmpty() && HeadingDetector.looksLikePlainTitle(n);
  }
}
