package io.github.wenda.bot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named setting: its key, type, default and documentation. Create them with the static
 * factories ({@link #integer}, {@link #choice}, ...) inside {@link SettingsSchema}.
 *
 * <p>The constructor rejects a setting whose default does not satisfy its own type, range or
 * choices, so a bad default fails when the schema class loads, not in a user's face.
 *
 * @param key dotted lower-case name, e.g. {@code chunk.max-chars}; its first part is the YAML
 *     section
 * @param type kind of value
 * @param defaultValue typed default: an instance of {@link SettingType#javaType()}
 * @param min inclusive lower bound for INT and DOUBLE (Integer or Double), null for other types
 * @param max inclusive upper bound for INT and DOUBLE (Integer or Double), null for other types
 * @param choices allowed values for CHOICE, empty for other types
 * @param description one line for {@code config/wenda.yaml} and {@code config show}
 */
public record Setting(
    String key,
    SettingType type,
    Object defaultValue,
    Number min,
    Number max,
    List<String> choices,
    String description) {

  /** At least two dot-separated parts of lower-case letters, digits and dashes. */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  public Setting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    choices = List.copyOf(choices);
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("setting key must look like 'section.name': " + key);
    }
    if (description == null || description.isBlank() || description.contains("\n")) {
      throw new IllegalArgumentException(key + ": description must be one non-blank line");
    }
    if (!type.javaType().isInstance(defaultValue)) {
      throw new IllegalArgumentException(key + ": default " + defaultValue + " is not " + type);
    }
    if (type.isNumeric()) {
      if (min == null || max == null || !type.javaType().isInstance(min)
          || !type.javaType().isInstance(max)) {
        throw new IllegalArgumentException(key + ": min and max must be given as " + type);
      }
      double value = ((Number) defaultValue).doubleValue();
      if (min.doubleValue() > max.doubleValue()
          || value < min.doubleValue() || value > max.doubleValue()) {
        throw new IllegalArgumentException(key + ": default " + defaultValue + " not in " + min
            + ".." + max);
      }
    } else if (min != null || max != null) {
      throw new IllegalArgumentException(key + ": only numbers have min and max");
    }
    if (type == SettingType.CHOICE) {
      if (!choices.contains(defaultValue)) {
        throw new IllegalArgumentException(key + ": default " + defaultValue + " not in " + choices);
      }
      // Choices are matched ignoring case, so two that differ only in case would be ambiguous.
      if (choices.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().count()
          != choices.size()) {
        throw new IllegalArgumentException(key + ": choices must differ ignoring case");
      }
    } else if (!choices.isEmpty()) {
      throw new IllegalArgumentException(key + ": only CHOICE settings have choices");
    }
  }

  /** A free-text setting. */
  public static Setting string(String key, String defaultValue, String description) {
    return new Setting(key, SettingType.STRING, defaultValue, null, null, List.of(), description);
  }

  /** A file-system path; relative paths are kept relative (the caller resolves them). */
  public static Setting path(String key, String defaultValue, String description) {
    return new Setting(
        key, SettingType.PATH, Path.of(defaultValue), null, null, List.of(), description);
  }

  /** An integer within {@code min..max} inclusive. */
  public static Setting integer(
      String key, int defaultValue, int min, int max, String description) {
    return new Setting(key, SettingType.INT, defaultValue, min, max, List.of(), description);
  }

  /** A finite decimal number within {@code min..max} inclusive. */
  public static Setting decimal(
      String key, double defaultValue, double min, double max, String description) {
    return new Setting(key, SettingType.DOUBLE, defaultValue, min, max, List.of(), description);
  }

  /** A boolean, written {@code true} or {@code false}. */
  public static Setting bool(String key, boolean defaultValue, String description) {
    return new Setting(key, SettingType.BOOLEAN, defaultValue, null, null, List.of(), description);
  }

  /** One of {@code choices}, matched ignoring case and stored as written in {@code choices}. */
  public static Setting choice(
      String key, String defaultValue, List<String> choices, String description) {
    return new Setting(key, SettingType.CHOICE, defaultValue, null, null, choices, description);
  }

  /**
   * The environment variable that sets this key: {@code WENDA_} plus the key upper-cased with dots
   * and dashes turned into underscores ({@code search.rrf-k} → {@code WENDA_SEARCH_RRF_K}).
   */
  public String envName() {
    return envName(key);
  }

  static String envName(String key) {
    return "WENDA_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
