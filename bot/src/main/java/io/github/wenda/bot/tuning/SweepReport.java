package io.github.wenda.bot.tuning;

import io.github.wenda.retrieval.eval.ModeResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The sweep's table, as aligned text for the terminal and as a Markdown report. */
public final class SweepReport {
  private SweepReport() {}

  /** One line per point, best first, with the swept values and the metrics. */
  public static void printTable(Sweep.Result result, PrintWriter out) {
    List<String> keys = keys(result);
    StringBuilder header = new StringBuilder();
    for (String k : keys) {
      header.append(String.format("%-" + width(k) + "s ", k));
    }
    out.printf(
        "%s%8s %9s %9s %9s %9s%n", header, "passages", "recall@1", "recall@k", "MRR@k", "nDCG@k");
    for (Sweep.Row row : result.rows()) {
      StringBuilder line = new StringBuilder();
      for (String k : keys) {
        line.append(String.format("%-" + width(k) + "s ", row.point().values().get(k)));
      }
      ModeResult m = row.result();
      out.printf(
          "%s%8d %9.3f %9.3f %9.3f %9.3f%n",
          line, row.passages(), m.recallAt1(), m.recallAtK(), m.mrrAtK(), m.ndcgAtK());
    }
  }

  /** A Markdown document: what was run, the table, the best point and the chart. */
  public static String markdown(
      Sweep.Result result, String questionFile, String chartFile, String date) {
    List<String> keys = keys(result);
    StringBuilder b = new StringBuilder();
    b.append("# Wenda sweep\n\n");
    b.append("Questions: `")
        .append(questionFile)
        .append("`, ")
        .append(result.rows().get(0).result().questions())
        .append(" answerable. Date: ")
        .append(date)
        .append(". Sorted by ")
        .append(result.metric().label())
        .append(". Indexes built: ")
        .append(result.indexesBuilt())
        .append(", reused: ")
        .append(result.indexesReused())
        .append(".\n\n");
    List<String> cols = new ArrayList<>(keys);
    cols.addAll(List.of("passages", "recall@1", "recall@3", "recall@k", "MRR@k", "nDCG@k"));
    b.append("| ").append(String.join(" | ", cols)).append(" |\n");
    b.append("|").append(" --- |".repeat(cols.size())).append('\n');
    for (Sweep.Row row : result.rows()) {
      ModeResult m = row.result();
      b.append("| ");
      for (String k : keys) {
        b.append(row.point().values().get(k)).append(" | ");
      }
      b.append(
          String.format(
              "%d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
              row.passages(),
              m.recallAt1(),
              m.recallAt3(),
              m.recallAtK(),
              m.mrrAtK(),
              m.ndcgAtK()));
    }
    Sweep.Row best = result.best();
    b.append("\nBest: `")
        .append(best.point().label().isEmpty() ? "(defaults)" : best.point().label())
        .append("` ")
        .append(
            String.format(
                "(%s %.3f).%n", result.metric().label(), result.metric().of(best.result())));
    if (chartFile != null) {
      b.append("\n![recall and MRR by setting](").append(chartFile).append(")\n");
    }
    return b.toString();
  }

  private static List<String> keys(Sweep.Result result) {
    return new ArrayList<>(result.rows().get(0).point().values().keySet());
  }

  private static int width(String key) {
    return Math.max(key.length(), 8);
  }
}
