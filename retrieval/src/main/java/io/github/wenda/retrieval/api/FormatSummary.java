package io.github.wenda.retrieval.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Accounts for every corpus file, per format: how many were indexed and which were skipped, and
 * why. What {@code wenda index}, the console banner and Telegram's /sources say, so no file is left
 * out in silence.
 */
public record FormatSummary(Map<String, Integer> indexed, List<SkippedFile> skipped) {
  public FormatSummary {
    indexed = java.util.Collections.unmodifiableMap(new TreeMap<>(indexed));
    skipped = List.copyOf(skipped);
  }

  /** The documents loaded, minus those skipped while indexing, grouped by format. */
  public static FormatSummary of(List<Document> documents, List<SkippedFile> skipped) {
    Set<String> failed = skipped.stream().map(SkippedFile::file).collect(Collectors.toSet());
    Map<String, Integer> indexed = new LinkedHashMap<>();
    for (Document d : documents) {
      if (!failed.contains(d.file())) {
        indexed.merge(d.format().label(), 1, Integer::sum);
      }
    }
    return new FormatSummary(indexed, skipped);
  }

  public int indexedCount() {
    return indexed.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** One line per format: "pdf 2 indexed, 1 skipped". */
  public List<String> lines() {
    Map<String, int[]> counts = new TreeMap<>();
    indexed.forEach((format, n) -> counts.computeIfAbsent(format, k -> new int[2])[0] += n);
    skipped.forEach(s -> counts.computeIfAbsent(s.format(), k -> new int[2])[1]++);
    List<String> out = new ArrayList<>();
    counts.forEach(
        (format, n) ->
            out.add(
                String.format(
                    "%-10s %d indexed%s",
                    format, n[0], n[1] == 0 ? "" : ", " + n[1] + " skipped")));
    return out;
  }

  /** "2 files skipped: a.pdf (encrypted), b.epub (unsupported type …)", or "" when none was. */
  public String skippedLine(int max) {
    if (skipped.isEmpty()) {
      return "";
    }
    String listed =
        skipped.stream()
            .limit(max)
            .map(s -> s.file() + " (" + s.reason() + ")")
            .collect(Collectors.joining(", "));
    return skipped.size()
        + (skipped.size() == 1 ? " file" : " files")
        + " skipped: "
        + listed
        + (skipped.size() > max ? ", …" : "");
  }
}
