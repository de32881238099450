package io.github.wenda.bot.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wenda's settings: one immutable value per key of {@link SettingsSchema}, each already checked for
 * type, range and cross-key rules. Obtain one from {@link ConfigLoader#load} (or {@link
 * #defaults()} in tests) and pass it down; code below the CLI never reads the environment.
 *
 * <p>Getters throw {@link IllegalArgumentException} for a key that is not in the schema or has
 * another type: that is a bug in the calling code, not a user mistake, so it is deliberately not a
 * {@link ConfigException}.
 */
public final class Config {
  private final Map<String, Object> values;
  private final Map<String, Source> sources;

  /** Takes maps covering exactly the schema's keys, then checks the cross-key rules. */
  Config(Map<String, Object> values, Map<String, Source> sources) {
    Map<String, Object> orderedValues = new LinkedHashMap<>();
    Map<String, Source> orderedSources = new LinkedHashMap<>();
    for (Setting setting : SettingsSchema.ALL) {
      Object value = values.get(setting.key());
      Source source = sources.get(setting.key());
      if (!setting.type().javaType().isInstance(value) || source == null) {
        throw new IllegalStateException("no valid value for " + setting.key() + ": " + value);
      }
      orderedValues.put(setting.key(), value);
      orderedSources.put(setting.key(), source);
    }
    if (values.size() != orderedValues.size()) {
      throw new IllegalStateException("keys outside the schema: " + values.keySet());
    }
    this.values = Collections.unmodifiableMap(orderedValues);
    this.sources = Collections.unmodifiableMap(orderedSources);
    SettingsSchema.checkRelations(this);
  }

  /** Every setting at its default. */
  public static Config defaults() {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Source> sources = new LinkedHashMap<>();
    for (Setting setting : SettingsSchema.ALL) {
      values.put(setting.key(), setting.defaultValue());
      sources.put(setting.key(), new Source.Default());
    }
    return new Config(values, sources);
  }

  /** A STRING setting. */
  public String string(String key) {
    return get(key, SettingType.STRING, String.class);
  }

  /** A PATH setting, possibly relative (to the working directory, unless the caller says else). */
  public Path path(String key) {
    return get(key, SettingType.PATH, Path.class);
  }

  /** An INT setting. */
  public int integer(String key) {
    return get(key, SettingType.INT, Integer.class);
  }

  /** A DOUBLE setting. */
  public double decimal(String key) {
    return get(key, SettingType.DOUBLE, Double.class);
  }

  /** A BOOLEAN setting. */
  public boolean bool(String key) {
    return get(key, SettingType.BOOLEAN, Boolean.class);
  }

  /** A CHOICE setting, spelled exactly as in {@link Setting#choices()}. */
  public String choice(String key) {
    return get(key, SettingType.CHOICE, String.class);
  }

  /** Where the value of {@code key} came from. */
  public Source source(String key) {
    setting(key);
    return sources.get(key);
  }

  /** Every key and its typed value, in schema order; unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.toString();
  }

  private <T> T get(String key, SettingType type, Class<T> javaType) {
    Setting setting = setting(key);
    if (setting.type() != type) {
      throw new IllegalArgumentException(
          "setting '" + key + "' is " + setting.type() + ", not " + type);
    }
    return javaType.cast(values.get(key));
  }

  private static Setting setting(String key) {
    return SettingsSchema.find(key)
        .orElseThrow(
            () -> new IllegalArgumentException("no setting '" + key + "' in SettingsSchema"));
  }
}
