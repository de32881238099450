package io.github.wenda.retrieval.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cleans ordinary prose (plain text or markdown): blank lines separate paragraphs, lines inside a
 * paragraph are joined, "#" lines and standalone numbered lines are headings, "|" rows are table
 * rows. Nothing is dropped, so a clean file comes out as its normalised self.
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
      Optional<Heading> heading = HeadingDetector.detectMarkdown(line);
      boolean standalone = (i == 0 || rawLines.get(i - 1).isBlank()) && (i + 1 == rawLines.size() || rawLines.get(i + 1).isBlank());
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
          String row = String.join(" | ", java.util.Arrays.stream(t.replaceAll("^\\||\\|$", "").split("\\|"))
              .map(InlineNormalizer::display).toList());
          out.segment(SegmentKind.TABLE, headings.section(), row);
        }
        continue;
      }
      paragraph.add(line);
    }
    flush();
    return out.build();
  }

  private void flush() {
    if (!paragraph.isEmpty()) {
      out.segment(SegmentKind.BODY, headings.section(), InlineNormalizer.display(String.join(" ", paragraph)));
      paragraph.clear();
    }
  }
}
