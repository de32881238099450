package io.github.wenda.retrieval.index;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a refresh did: {@code action} is reused, updated or rebuilt; stage timings are in the order
 * they ran (clean, chunk, embed, write).
 */
public record IndexReport(
    Action action,
    int documents,
    int passages,
    int embedded,
    List<String> changedDocuments,
    Map<String, Duration> stages,
    List<String> warnings) {
  public enum Action {
    REUSED,
    UPDATED,
    REBUILT
  }

  public IndexReport {
    changedDocuments = List.copyOf(changedDocuments);
    stages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stages));
    warnings = List.copyOf(warnings);
  }

  public Duration total() {
    return stages.values().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
