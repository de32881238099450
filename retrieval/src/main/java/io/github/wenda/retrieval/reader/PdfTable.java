package io.github.wenda.retrieval.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rebuilds a table's rows from glyph positions, starting at a line with a wide gap (its first row).
 *
 * <p>Typesetters (LaTeX, LibreOffice, Word) write a table cell by cell, row by row, each cell's
 * wrapped lines together; narrow columns wrap ("apt-get" / "autoremove"), so the page's text lines
 * mix fragments of several cells. Here the glyphs are cut into fragments (a run on one baseline
 * without a gap), and each fragment goes to the cell before it when it sits on the next line down
 * in the same column, else it starts a new cell; a cell that starts in the same column as the
 * current one or further left starts a new row. The table ends at a fragment left of its first
 * column, one reaching across the second column's edge (a caption, a paragraph; not a long word on
 * the line right below the one before, which overflows its cell), a caption line ("Table 2.6: …")
 * or a wide vertical gap.
 */
final class PdfTable {
  private static final Pattern CAPTION = Pattern.compile("^(Table|表|图|Figure)\\s*\\d.*");

  /** Glyphs further apart than this share of the font size are in different fragments. */
  private static final float FRAGMENT_GAP_EM = 0.8f;

  /** More blank space below the table than this many font sizes ends it. */
  private static final float END_GAP_EM = 3.2f;

  /**
   * The rows read ("cell | cell | cell") and how many of the given lines they used (at least one).
   */
  record Rows(List<String> rows, int linesUsed) {}

  private record Fragment(
      int line, List<PdfGlyph> glyphs, float x0, float x1, float y, float size) {
    String text() {
      StringBuilder out = new StringBuilder();
      PdfGlyph prev = null;
      for (PdfGlyph g : glyphs) {
        if (prev != null && !prev.isBlank() && !g.isBlank()) {
          float gap = g.x() - prev.end();
          boolean mixed =
              InlineText.isCjk(prev.text().codePointAt(0))
                  != InlineText.isCjk(g.text().codePointAt(0));
          if (gap > (mixed ? 0.15f : 0.2f) * size) {
            out.append(' ');
          }
        }
        out.append(g.text());
        prev = g;
      }
      return InlineText.tidyExtracted(out.toString());
    }
  }

  private static final class Cell {
    final float column;
    final float x0;
    final List<String> lines = new ArrayList<>();
    float lastY;

    Cell(float column, Fragment f) {
      this.column = column;
      this.x0 = f.x0();
      this.lastY = f.y();
      lines.add(f.text());
    }

    String text() {
      return InlineText.joinWrapped(lines.stream().filter(s -> !s.isEmpty()).toList());
    }
  }

  private PdfTable() {}

  /**
   * Reads the table whose first row is {@code lines.get(0)} (a line with a wide gap between cells).
   */
  static Rows read(List<PdfLineRun> lines) {
    List<Fragment> fragments = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      fragments(i, lines.get(i).glyphs(), fragments);
    }
    List<Fragment> first = fragments.stream().filter(f -> f.line() == 0).toList();
    if (first.size() < 2) {
      return new Rows(List.of(), 0);
    }
    List<Float> columns = new ArrayList<>();
    for (Fragment f : first) {
      column(columns, f.x0(), tolerance(f));
    }
    float firstColumn = columns.get(0);
    float secondColumn = columns.get(1);
    int end = lines.size();
    float bottom = Float.NEGATIVE_INFINITY;
    Fragment prev = null;
    for (Fragment f : fragments) {
      float tol = tolerance(f);
      // A long word may overflow its narrow cell; on the line right below the cell's last one, it
      // is that cell's.
      boolean overflows =
          f.x0() < secondColumn - tol
              && f.x1() > secondColumn + tol
              && !(prev != null && below(f, prev));
      if (f.line() > 0
          && (f.x0() < firstColumn - tol
              || overflows
              || f.y() - bottom > END_GAP_EM * f.size()
              || CAPTION.matcher(f.text()).matches())) {
        end = f.line();
        break;
      }
      bottom = Math.max(bottom, f.y());
      prev = f;
    }
    List<List<Cell>> rows = new ArrayList<>();
    Cell cell = null;
    for (Fragment f : fragments) {
      if (f.line() >= end) {
        break;
      }
      float tol = tolerance(f);
      if (cell != null && below(f, cell.lastY, cell.x0)) {
        cell.lines.add(f.text());
        cell.lastY = f.y();
        continue;
      }
      float column = column(columns, f.x0(), tol);
      if (cell == null || column <= cell.column) {
        rows.add(new ArrayList<>());
      }
      cell = new Cell(column, f);
      rows.get(rows.size() - 1).add(cell);
    }
    List<String> out = new ArrayList<>();
    for (List<Cell> row : rows) {
      String text =
          String.join(" | ", row.stream().map(Cell::text).filter(s -> !s.isEmpty()).toList());
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return new Rows(out, Math.max(1, end));
  }

  /** Whether {@code f} is on the line right below {@code above}, starting in the same place. */
  private static boolean below(Fragment f, Fragment above) {
    return below(f, above.y(), above.x0());
  }

  private static boolean below(Fragment f, float y, float x0) {
    return f.y() > y + 0.3f * f.size()
        && f.y() < y + 2.5f * f.size()
        && Math.abs(f.x0() - x0) <= tolerance(f);
  }

  private static float tolerance(Fragment f) {
    return 0.75f * Math.max(1f, f.size()); // xeCJK sets a line-initial “ half an em left
  }

  /** The known column start within tolerance of {@code x}, or {@code x} as a new one. */
  private static float column(List<Float> columns, float x, float tol) {
    for (float c : columns) {
      if (Math.abs(c - x) <= tol) {
        return c;
      }
    }
    columns.add(x);
    columns.sort(null);
    return x;
  }

  private static void fragments(int line, List<PdfGlyph> glyphs, List<Fragment> out) {
    List<PdfGlyph> run = new ArrayList<>();
    PdfGlyph prev = null;
    for (PdfGlyph g : glyphs) {
      float size = Math.max(1f, g.size());
      if (prev != null
          && (Math.abs(g.y() - prev.y()) > 0.3f * size
              || g.x() - prev.end() > FRAGMENT_GAP_EM * size
              || g.x() < prev.x() - 0.5f * size)) {
        add(line, run, out);
        run = new ArrayList<>();
      }
      run.add(g);
      prev = g;
    }
    add(line, run, out);
  }

  private static void add(int line, List<PdfGlyph> run, List<Fragment> out) {
    int from = 0;
    int to = run.size();
    while (from < to && run.get(from).isBlank()) {
      from++;
    }
    while (to > from && run.get(to - 1).isBlank()) {
      to--;
    }
    if (from < to) {
      List<PdfGlyph> g = List.copyOf(run.subList(from, to));
      float size = (float) g.stream().mapToDouble(PdfGlyph::size).max().orElse(1);
      out.add(new Fragment(line, g, g.get(0).x(), g.get(g.size() - 1).end(), g.get(0).y(), size));
    }
  }
}
