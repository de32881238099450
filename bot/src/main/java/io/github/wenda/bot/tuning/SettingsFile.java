package io.github.wenda.bot.tuning;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes chosen settings as a Wenda config file (nested YAML, like {@code config/wenda.yaml}),
 * readable with {@code --config FILE}; settings it does not name keep their defaults.
 */
public final class SettingsFile {
  private SettingsFile() {}

  /** Writes {@code values} (key → value) under a comment header; overwrites {@code file}. */
  public static void write(Path file, Map<String, String> values, List<String> header)
      throws IOException {
    Map<String, Map<String, String>> groups = new LinkedHashMap<>();
    values.forEach(
        (key, v) -> {
          int dot = key.indexOf('.');
          groups
              .computeIfAbsent(key.substring(0, dot), g -> new LinkedHashMap<>())
              .put(key.substring(dot + 1), v);
        });
    StringBuilder b = new StringBuilder();
    for (String h : header) {
      b.append("# ").append(h).append('\n');
    }
    groups.forEach(
        (group, entries) -> {
          b.append(group).append(":\n");
          entries.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        });
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
  }
}
