package io.github.wenda.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code wenda bench} measured, both sides, over one or more runs. Figure names are dotted
 * paths ({@code retrieve_ms.p50}); each is summarised as the median over runs with min and max.
 * Ratios are Wenda / baseline, computed within each run (the two sides were measured side by side)
 * and then summarised; below 1 means Wenda is smaller, i.e. faster for times.
 */
public record BenchReport(
    int questions,
    int runs,
    int rounds,
    int passages,
    int segments,
    Map<String, Summary> wenda,
    Map<String, Summary> baseline,
    Map<String, Summary> ratio) {

  /** Median, min and max of one figure over the runs. */
  public record Summary(double median, double min, double max) {
    public Summary {
      if (min > median || median > max) {
        throw new IllegalArgumentException(
            "summary must have min <= median <= max, but is: " + min + ", " + median + ", " + max);
      }
    }

    static Summary of(List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      int n = v.length;
      double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
      return new Summary(median, v[0], v[n - 1]);
    }
  }

  public BenchReport {
    // Copies that keep the order figures were measured in (the table and JSON follow it).
    wenda = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wenda));
    baseline = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
    ratio = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ratio));
  }

  /** Summarises per-run figures; a ratio for every figure both sides have. */
  static BenchReport of(
      int questions,
      int passages,
      int segments,
      int rounds,
      List<Map<String, Double>> wenda,
      List<Map<String, Double>> baseline) {
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    for (int run = 0; run < wenda.size(); run++) {
      Map<String, Double> b = baseline.get(run);
      for (Map.Entry<String, Double> e : wenda.get(run).entrySet()) {
        Double theirs = b.get(e.getKey());
        if (theirs != null && theirs != 0) {
          ratios.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue() / theirs);
        }
      }
    }
    return new BenchReport(
        questions,
        wenda.size(),
        rounds,
        passages,
        segments,
        summarise(wenda),
        summarise(baseline),
        ordered(ratios));
  }

  private static Map<String, Summary> summarise(List<Map<String, Double>> runs) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (Map<String, Double> run : runs) {
      run.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    return ordered(values);
  }

  private static Map<String, Summary> ordered(Map<String, List<Double>> values) {
    Map<String, Summary> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, Summary.of(v)));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** A figure's median; 0 when that side has no such figure. */
  public double median(Map<String, Summary> side, String figure) {
    Summary s = side.get(figure);
    return s == null ? 0 : s.median();
  }

  /**
   * The {@code --json} contract (see README): {@code wenda}, {@code baseline} and {@code ratio}
   * hold medians as nested objects ({@code retrieve_ms: {p50, p95, p99}}); {@code spread} holds
   * {@code [min, max]} in the same shape for the three.
   */
  public ObjectNode toJson() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("questions", questions);
    o.put("runs", runs);
    o.put("rounds", rounds);
    o.put("k", Bench.K);
    o.put("passages", passages);
    o.put("segments", segments);
    o.set("wenda", nested(m, wenda, false));
    o.set("baseline", nested(m, baseline, false));
    o.set("ratio", nested(m, ratio, false));
    ObjectNode spread = m.createObjectNode();
    spread.set("wenda", nested(m, wenda, true));
    spread.set("baseline", nested(m, baseline, true));
    spread.set("ratio", nested(m, ratio, true));
    o.set("spread", spread);
    return o;
  }

  private static ObjectNode nested(ObjectMapper m, Map<String, Summary> figures, boolean spread) {
    ObjectNode root = m.createObjectNode();
    figures.forEach(
        (name, s) -> {
          String[] path = name.split("\\.");
          ObjectNode node = root;
          for (String part : Arrays.copyOf(path, path.length - 1)) {
            node = node.has(part) ? (ObjectNode) node.get(part) : node.putObject(part);
          }
          String leaf = path[path.length - 1];
          if (spread) {
            node.putArray(leaf).add(round(s.min())).add(round(s.max()));
          } else {
            node.put(leaf, round(s.median()));
          }
        });
    return root;
  }

  /** Side by side with ratios and, over several runs, the ratio's spread. */
  public void printTable(PrintWriter out) {
    out.printf(
        "%d answerable questions, k %d, %d run(s) of %d round(s); Wenda %d passages, baseline %d segments%n%n",
        questions, Bench.K, runs, rounds, passages, segments);
    out.printf(
        "%-26s %12s %12s %8s %15s%n",
        "figure (median)", "Wenda", "baseline", "ratio", "ratio min-max");
    List<String> names = new ArrayList<>(wenda.keySet());
    baseline.keySet().stream().filter(k -> !wenda.containsKey(k)).forEach(names::add);
    for (String name : names) {
      Summary w = wenda.get(name);
      Summary b = baseline.get(name);
      Summary r = ratio.get(name);
      String label =
          name.startsWith("index_stages_s.")
              ? "  " + name.substring("index_stages_s.".length()) + " s"
              : name;
      out.printf(
          "%-26s %12s %12s %8s %15s%n",
          label,
          w == null ? "" : fmt(w.median()),
          b == null ? "" : fmt(b.median()),
          r == null ? "" : String.format("%.2f", r.median()),
          r == null || runs == 1 ? "" : String.format("%.2f-%.2f", r.min(), r.max()));
    }
  }

  private static String fmt(double x) {
    return x >= 100 ? String.format("%.1f", x) : String.format("%.3f", x);
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
