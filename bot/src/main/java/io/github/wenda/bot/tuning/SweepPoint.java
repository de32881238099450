package io.github.wenda.bot.tuning;

import io.github.wenda.retrieval.RetrievalSettings;
import java.util.Map;
import java.util.Objects;

/** One combination of a sweep: the swept values as given, and the checked settings they make. */
public record SweepPoint(Map<String, String> values, RetrievalSettings settings) {
  public SweepPoint {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    Objects.requireNonNull(settings, "settings");
  }

  /** A short label such as {@code max-chars=300 fusion=rrf}: keys without their group. */
  public String label() {
    StringBuilder b = new StringBuilder();
    values.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : " ")
                .append(k.substring(k.indexOf('.') + 1))
                .append('=')
                .append(v));
    return b.toString();
  }
}
