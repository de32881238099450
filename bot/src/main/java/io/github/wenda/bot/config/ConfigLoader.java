package io.github.wenda.bot.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the one {@link Config} of a run from four layers, each overriding the one before: defaults
 * in {@link SettingsSchema} &lt; the YAML file &lt; {@code WENDA_*} environment variables &lt;
 * {@code --set key=value} options (a later {@code --set} of the same key wins).
 *
 * <p>Every value given in any layer is checked, even one a higher layer overrides, so a broken file
 * does not lie in wait. An empty value (YAML {@code key:} or {@code null}, an empty variable,
 * {@code --set key=}) means "not set here": the layer below applies. Values are trimmed.
 *
 * <p>Variables named {@code WENDA_*} must each name a setting, except {@link
 * #NON_SETTING_VARIABLES}; anything else is probably a typo and is refused. Messages name variables
 * but print only the values of setting variables, never of others (they may be secrets).
 */
public final class ConfigLoader {

  /** The file read when none is named explicitly, relative to the working directory. */
  public static final Path DEFAULT_FILE = Path.of("config", "wenda.yaml");

  /** {@code WENDA_*} variables the launcher and CLI use that are not settings. */
  public static final Set<String> NON_SETTING_VARIABLES =
      Set.of("WENDA_HOME", "WENDA_JAVA_OPTS", "WENDA_CONFIG");

  private static final String ENV_PREFIX = "WENDA_";

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, Source> sources = new LinkedHashMap<>();

  private ConfigLoader() {
    for (Setting setting : SettingsSchema.ALL) {
      values.put(setting.key(), setting.defaultValue());
      sources.put(setting.key(), new Source.Default());
    }
  }

  /**
   * Loads and checks all settings.
   *
   * @param file the YAML file, usually {@link #DEFAULT_FILE}
   * @param fileIsExplicit whether the user named {@code file} (then it must exist); a missing
   *     default file just means defaults
   * @param env the process environment, normally {@code System.getenv()}
   * @param overrides the {@code --set} arguments, each {@code key=value}, in command-line order
   * @return a complete, checked configuration
   * @throws ConfigException for the first problem found; no partial configuration is returned
   */
  public static Config load(
      Path file, boolean fileIsExplicit, Map<String, String> env, List<String> overrides) {
    ConfigLoader loader = new ConfigLoader();
    loader.applyFile(file, fileIsExplicit);
    loader.applyEnv(env);
    loader.applyOverrides(overrides);
    return new Config(loader.values, loader.sources);
  }

  private void applyFile(Path file, boolean fileIsExplicit) {
    if (!Files.exists(file)) {
      if (fileIsExplicit) {
        throw ConfigException.withoutKey("config file not found: " + file);
      }
      return;
    }
    if (Files.isDirectory(file)) {
      throw ConfigException.withoutKey("config file " + file + " is a directory");
    }
    for (YamlSettingsReader.Entry entry : YamlSettingsReader.read(file)) {
      String location = file + ":" + entry.line();
      Setting setting = SettingsSchema.find(entry.key()).orElse(null);
      if (setting == null) {
        if (SettingsSchema.isSection(entry.key())) {
          if (entry.value().isAbsent()) {
            continue; // "search:" with everything below it commented out
          }
          throw new ConfigException(
              entry.key(),
              location
                  + ": "
                  + entry.key()
                  + " is a section, so it needs nested settings such as "
                  + exampleIn(entry.key())
                  + ", but is"
                  + entry.value().butIs());
        }
        throw new ConfigException(
            entry.key(),
            location + ": unknown setting '" + entry.key() + "'" + didYouMean(entry.key()));
      }
      set(setting, entry.value(), new Source.ConfigFile(file, entry.line()));
    }
  }

  private void applyEnv(Map<String, String> env) {
    // Sorted, so that with several mistakes the same one is reported every time.
    for (Map.Entry<String, String> variable : new TreeMap<>(env).entrySet()) {
      String name = variable.getKey();
      if (!name.startsWith(ENV_PREFIX) || NON_SETTING_VARIABLES.contains(name)) {
        continue;
      }
      Setting setting =
          SettingsSchema.findByEnvName(name)
              .orElseThrow(
                  () ->
                      ConfigException.withoutKey(
                          "environment variable "
                              + name
                              + " names no setting"
                              + Suggestions.closest(
                                      name,
                                      SettingsSchema.ALL.stream().map(Setting::envName).toList())
                                  .map(s -> " (did you mean " + s + "?)")
                                  .orElse("")
                              + "; unset it, or see config/wenda.yaml for the settings"));
      set(setting, RawValue.text(variable.getValue()), new Source.Env(name));
    }
  }

  private void applyOverrides(List<String> overrides) {
    for (String argument : overrides) {
      int equals = argument.indexOf('=');
      String key = equals < 0 ? "" : argument.substring(0, equals).trim();
      if (key.isEmpty()) {
        throw ConfigException.withoutKey(
            "--set " + RawValue.quote(argument) + ": expected key=value, e.g. --set search.k=8");
      }
      Setting setting =
          SettingsSchema.find(key)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          key,
                          "--set "
                              + argument
                              + ": unknown setting '"
                              + key
                              + "'"
                              + didYouMean(key)));
      set(setting, RawValue.text(argument.substring(equals + 1)), new Source.SetOption(argument));
    }
  }

  private void set(Setting setting, RawValue raw, Source source) {
    if (raw.isAbsent()) {
      return;
    }
    values.put(setting.key(), SettingValues.convert(setting, raw, source));
    sources.put(setting.key(), source);
  }

  private static String didYouMean(String key) {
    return Suggestions.closest(key, SettingsSchema.ALL.stream().map(Setting::key).toList())
        .map(s -> " (did you mean '" + s + "'?)")
        .orElse("");
  }

  private static String exampleIn(String section) {
    return SettingsSchema.ALL.stream()
        .map(Setting::key)
        .filter(k -> k.startsWith(section + "."))
        .findFirst()
        .orElseThrow();
  }
}
