package io.github.wenda.bot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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
 * @param range inclusive bounds for INT and DOUBLE (as Integer or Double), empty for other types
 * @param choices allowed values for CHOICE, empty for other types
 * @param description one line for {@code config/wenda.yaml} and {@code config show}
 */
public record Setting(
    String key,
    SettingType type,
    Object defaultValue,
    Optional<Range> range,
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
    Objects.requireNonNull(range, "range");
    if (type.isNumeric()) {
      Range r =
          range.orElseThrow(
              () -> new IllegalArgumentException(key + ": a number needs min and max"));
      if (!type.javaType().isInstance(r.min()) || !type.javaType().isInstance(r.max())) {
        throw new IllegalArgumentException(key + ": min and max must be given as " + type);
      }
      if (!r.contains((Number) defaultValue)) {
        throw new IllegalArgumentException(key + ": default " + defaultValue + " not in " + r);
      }
    } else if (range.isPresent()) {
      throw new IllegalArgumentException(key + ": only numbers have min and max");
    }
    if (type == SettingType.CHOICE) {
      if (!choices.contains(defaultValue)) {
        throw new IllegalArgumentException(
            key + ": default " + defaultValue + " not in " + choices);
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
    return new Setting(
        key, SettingType.STRING, defaultValue, Optional.empty(), List.of(), description);
  }

  /** A file-system path; relative paths are kept relative (the caller resolves them). */
  public static Setting path(String key, String defaultValue, String description) {
    return new Setting(
        key, SettingType.PATH, Path.of(defaultValue), Optional.empty(), List.of(), description);
  }

  /** An integer within {@code min..max} inclusive. */
  public static Setting integer(
      String key, int defaultValue, int min, int max, String description) {
    return new Setting(
        key,
        SettingType.INT,
        defaultValue,
        Optional.of(new Range(min, max)),
        List.of(),
        description);
  }

  /** A finite decimal number within {@code min..max} inclusive. */
  public static Setting decimal(
      String key, double defaultValue, double min, double max, String description) {
    return new Setting(
        key,
        SettingType.DOUBLE,
        defaultValue,
        Optional.of(new Range(min, max)),
        List.of(),
        description);
  }

  /** A boolean, written {@code true} or {@code false}. */
  public static Setting bool(String key, boolean defaultValue, String description) {
    return new Setting(
        key, SettingType.BOOLEAN, defaultValue, Optional.empty(), List.of(), description);
  }

  /** One of {@code choices}, matched ignoring case and stored as written in {@code choices}. */
  public static Setting choice(
      String key, String defaultValue, List<String> choices, String description) {
    return new Setting(
        key, SettingType.CHOICE, defaultValue, Optional.empty(), choices, description);
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

  /** Inclusive bounds of a number setting, written "min..max" in messages and comments. */
  public record Range(Number min, Number max) {
    public Range {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
      if (min.doubleValue() > max.doubleValue()) {
        throw new IllegalArgumentException("min " + min + " is above max " + max);
      }
    }

    boolean contains(Number value) {
      return value.doubleValue() >= min.doubleValue() && value.doubleValue() <= max.doubleValue();
    }

    @Override
    public String toString() {
      return min + ".." + max;
    }
  }
}
