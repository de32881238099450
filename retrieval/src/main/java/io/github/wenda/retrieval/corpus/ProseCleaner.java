package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.text.InlineNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cleans ordinary prose (plain text or markdown): blank lines separate paragraphs, lines inside a
 * paragraph are joined, standalone "#" lines and standalone numbered lines are headings, "|" rows
 * are table rows, and blocks of command lines with "# " comments or "$ " prompts are code, line by
 * line. Nothing is dropped, so a clean file comes out as its normalised self.
 */
final class ProseCleaner {
  private final DocumentBuilder out = new DocumentBuilder();
  private final HeadingDetector headings = new HeadingDetector();
  private final List<String> paragraph = new ArrayList<>();

  CleanDocument clean(List<String> rawLines) {
    for (int i = 0; i < rawLines.size(); i++) {
      String line = rawLines.get(i);
      if (line.isBlank()) {
        flush();
        continue;
      }
      boolean standalone =
          (i == 0 || rawLines.get(i - 1).isBlank())
              && (i + 1 == rawLines.size() || rawLines.get(i + 1).isBlank());
      // A "# " line inside a block of lines is a shell comment, not a heading: headings stand
      // alone.
      Optional<Heading> heading =
          standalone ? HeadingDetector.detectMarkdown(line) : Optional.empty();
      if (heading.isEmpty() && standalone) {
        heading = HeadingDetector.detect(line);
      }
      if (heading.isPresent()) {
        flush();
        headings.enter(heading.get());
        out.heading(heading.get().text());
        continue;
      }
      String t = line.strip();
      if (t.startsWith("|")) {
        flush();
        if (!t.matches("^\\|?[\\s:|-]+\\|?$")) { // skip the |---|---| separator row
          String row =
              String.join(
                  " | ",
                  java.util.Arrays.stream(t.replaceAll("^\\||\\|$", "").split("\\|"))
                      .map(InlineNormalizer::display)
                      .toList());
          out.segment(SegmentKind.TABLE, headings.section(), row);
        }
        continue;
      }
      paragraph.add(line);
    }
    flush();
    return out.build();
  }

  /**
   * Command lines with their comments or prompts ("# set PATH…", "$ apt-get update"): two or more
   * lines without CJK text, one of them a comment or prompt. Kept line by line, never reflowed.
   */
  static boolean looksLikeCode(List<String> lines) {
    if (lines.size() < 2) {
      return false;
    }
    boolean marker = false;
    for (String l : lines) {
      String t = l.strip();
      if (t.codePoints()
          .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
        return false;
      }
      marker |= t.startsWith("# ") || t.startsWith("$ ") || t.startsWith("#!");
    }
    return marker;
  }

  private void flush() {
    if (looksLikeCode(paragraph)) {
      out.segment(
          SegmentKind.CODE,
          headings.section(),
          String.join("\n", paragraph.stream().map(String::stripTrailing).toList()));
      paragraph.clear();
      return;
    }
    if (!paragraph.isEmpty()) {
      out.segment(
          SegmentKind.BODY,
          headings.section(),
          InlineNormalizer.display(String.join(" ", paragraph)));
      paragraph.clear();
    }
  }
}
