package io.github.wenda.bot.tuning;

import io.github.wenda.retrieval.api.WendaException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings a sweep tries: one axis per {@code --sweep key=v1,v2,…}, every combination of their
 * values. Only keys that change retrieval can be swept; their values are checked later, by the same
 * rules as the config file, when each combination becomes a configuration.
 */
public record SweepGrid(List<Axis> axes) {
  /** Settings a sweep may vary: chunking (re-chunks) and search (reuses the index). */
  public static final Set<String> SWEEPABLE =
      new LinkedHashSet<>(
          List.of(
              "chunk.max-chars",
              "chunk.overlap-chars",
              "embedding.query-prefix",
              "search.mode",
              "search.k",
              "search.candidates",
              "search.fusion",
              "search.rrf-k",
              "search.bm25-weight",
              "search.min-bm25-weight",
              "search.coverage-low",
              "search.coverage-ramp",
              "search.bigram-field",
              "search.bigram-weight",
              "search.sentence-weight",
              "search.sentence-depth"));

  /** One swept setting and the values it takes, in the order given. */
  public record Axis(String key, List<String> values) {
    public Axis {
      values = List.copyOf(values);
    }
  }

  public SweepGrid {
    axes = List.copyOf(axes);
  }

  /**
   * Parses {@code key=v1,v2,…} specifications.
   *
   * @throws IllegalArgumentException naming the specification, key or value that is wrong
   */
  public static SweepGrid parse(List<String> specs) {
    List<Axis> axes = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq <= 0) {
        throw new WendaException("--sweep must be key=value1,value2,…, but is: '" + spec + "'");
      }
      String key = spec.substring(0, eq).strip();
      if (!SWEEPABLE.contains(key)) {
        throw new WendaException(
            "--sweep: '"
                + key
                + "' cannot be swept; sweepable settings: "
                + String.join(", ", SWEEPABLE));
      }
      if (!seen.add(key)) {
        throw new WendaException(
            "--sweep: '" + key + "' is given twice; list all its values in one --sweep");
      }
      List<String> values = new ArrayList<>();
      for (String v : spec.substring(eq + 1).split(",", -1)) {
        String value = v.strip();
        if (value.isEmpty()) {
          throw new WendaException("--sweep " + key + ": empty value in '" + spec + "'");
        }
        if (!values.contains(value)) {
          values.add(value);
        }
      }
      axes.add(new Axis(key, values));
    }
    if (axes.isEmpty()) {
      throw new WendaException("--sweep needs at least one key=value1,value2,…");
    }
    return new SweepGrid(axes);
  }

  /** Every combination, the first axis varying slowest; each maps key to value in axis order. */
  public List<Map<String, String>> points() {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Axis axis : axes) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String v : axis.values()) {
          Map<String, String> m = new LinkedHashMap<>(partial);
          m.put(axis.key(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out.stream().map(java.util.Collections::unmodifiableMap).toList();
  }

  /** The points as {@code --set} arguments, e.g. {@code [chunk.max-chars=300, search.k=5]}. */
  public static List<String> asOverrides(Map<String, String> point) {
    return point.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
