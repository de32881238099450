package io.github.wenda.retrieval.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a refresh did: {@code action} is reused, updated or rebuilt; stage timings are in the order
 * they ran (clean, chunk, embed, write); {@code skipped} lists every corpus file that was not
 * indexed, and why (found by the loader, or by a reader while indexing).
 */
public record IndexReport(
    Action action,
    int documents,
    int passages,
    int embedded,
    List<String> changedDocuments,
    Map<String, Duration> stages,
    List<String> warnings,
    List<SkippedFile> skipped) {
  public enum Action {
    REUSED,
    UPDATED,
    REBUILT
  }

  public IndexReport {
    changedDocuments = List.copyOf(changedDocuments);
    stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
    warnings = List.copyOf(warnings);
    skipped = List.copyOf(skipped);
  }

  /** A report that skipped no file. */
  public IndexReport(
      Action action,
      int documents,
      int passages,
      int embedded,
      List<String> changedDocuments,
      Map<String, Duration> stages,
      List<String> warnings) {
    this(action, documents, passages, embedded, changedDocuments, stages, warnings, List.of());
  }

  public Duration total() {
    return stages.values().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
