package io.github.wenda.bot.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that turns a checked {@link Config} into typed settings records, so that a
 * setting's type, default, range and comment live only in {@link SettingsSchema} and the records
 * keep only their invariants.
 *
 * <p>Each record component is bound to a schema key by name: component {@code rrfK} of a record
 * bound in section {@code search} reads {@code search.rrf-k}. By the component's type: {@code int},
 * {@code double}, {@code boolean} and {@code String} as they are; an enum from a CHOICE (its
 * constant named as the choice, upper-cased, dashes as underscores); a {@link Path} resolved
 * against the Wenda home; a {@code List<String>} from a comma-separated value; a {@link Duration}
 * from the key plus {@code -seconds}; a {@code long} named {@code …Bytes} from the key plus {@code
 * -mb}; a nested record from the section named as the component. So adding a setting means a schema
 * line, its YAML comment and the record component that carries it to the code that uses it; the few
 * components whose key does not follow from the name are in {@link #KEYS}.
 *
 * <p>A component that names no schema key, or a record whose invariant rejects a value the schema
 * let through, is a bug in Wenda and fails with {@link IllegalStateException}.
 */
public final class SettingsBinder {

  /**
   * Components whose key is not their section plus their kebab-case name: record.component → key.
   */
  static final Map<String, String> KEYS =
      Map.of(
          // The record says what the retriever does, the key what the user switches on.
          "SearchSettings.bigrams", "search.bigram-field",
          // Both are about the model, which indexing and search share.
          "SearchSettings.queryPrefix", "embedding.query-prefix",
          "IndexSettings.batchSize", "embedding.batch-size",
          "RetrievalSettings.corpusDir", "corpus.dir");

  /** Path keys whose empty value means a folder derived from another key. */
  private static final String INDEX_DIR = "index.dir";

  private static final long MEGABYTE = 1024L * 1024L;

  private final Config config;
  private final Path home;

  /**
   * @param home the folder relative paths are resolved against (the Wenda folder)
   */
  public SettingsBinder(Config config, Path home) {
    this.config = config;
    this.home = home;
  }

  /** A record of {@code type} whose components are the settings of {@code section}. */
  public <R extends Record> R bind(Class<R> type, String section) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      values[i] = value(type, components[i], section);
    }
    return construct(type, components, values);
  }

  /**
   * The schema keys {@link #bind} reads for a record of {@code type} in {@code section}, nested
   * records included, in component order. {@code ShippedSettingsTest} uses it to prove that every
   * key reaches a record component or is read where it is used.
   */
  public static Set<String> keysOf(Class<? extends Record> type, String section) {
    Set<String> keys = new LinkedHashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getType().isRecord()) {
        keys.addAll(
            keysOf(component.getType().asSubclass(Record.class), nestedSection(type, component)));
      } else {
        keys.add(key(type, component, section));
      }
    }
    return keys;
  }

  private Object value(Class<?> record, RecordComponent component, String section) {
    Class<?> type = component.getType();
    if (type.isRecord()) {
      return bind(type.asSubclass(Record.class), nestedSection(record, component));
    }
    String key = key(record, component, section);
    if (type == int.class) {
      return config.integer(key);
    }
    if (type == long.class && component.getName().endsWith("Bytes")) {
      return config.integer(key) * MEGABYTE;
    }
    if (type == double.class) {
      return config.decimal(key);
    }
    if (type == boolean.class) {
      return config.bool(key);
    }
    if (type == String.class) {
      return config.string(key);
    }
    if (type == Duration.class) {
      return Duration.ofSeconds(config.integer(key));
    }
    if (type == Path.class) {
      return path(key);
    }
    if (type.isEnum()) {
      return constant(type, key);
    }
    if (type == List.class && isListOfStrings(component.getGenericType())) {
      return Arrays.stream(config.string(key).split(","))
          .map(String::strip)
          .filter(v -> !v.isEmpty())
          .toList();
    }
    throw new IllegalStateException(
        record.getSimpleName()
            + "."
            + component.getName()
            + " has type "
            + component.getGenericType()
            + ", which the settings binder cannot bind");
  }

  private Path path(String key) {
    Path value = config.path(key);
    if (key.equals(INDEX_DIR) && value.toString().isEmpty()) {
      // Empty: under data.dir, so moving data.dir moves the index with it.
      return home.resolve(config.path("data.dir")).resolve("index");
    }
    return home.resolve(value);
  }

  private Object constant(Class<?> enumType, String key) {
    String wanted = config.choice(key).toUpperCase(Locale.ROOT).replace('-', '_');
    for (Object constant : enumType.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(wanted)) {
        return constant;
      }
    }
    throw new IllegalStateException(
        key
            + " is "
            + config.choice(key)
            + ", which names no constant of "
            + enumType.getSimpleName()
            + " "
            + Arrays.toString(enumType.getEnumConstants()));
  }

  private static String key(Class<?> record, RecordComponent component, String section) {
    String override = KEYS.get(record.getSimpleName() + "." + component.getName());
    String name = kebab(component.getName());
    String key;
    if (override != null) {
      key = override;
    } else if (component.getType() == Duration.class) {
      key = section + "." + name + "-seconds";
    } else if (component.getType() == long.class && name.endsWith("-bytes")) {
      key = section + "." + name.substring(0, name.length() - "-bytes".length()) + "-mb";
    } else {
      key = section + "." + name;
    }
    if (SettingsSchema.find(key).isEmpty()) {
      throw new IllegalStateException(
          record.getSimpleName()
              + "."
              + component.getName()
              + " is bound to "
              + key
              + ", which is not in SettingsSchema");
    }
    return key;
  }

  private static String nestedSection(Class<?> record, RecordComponent component) {
    String override = KEYS.get(record.getSimpleName() + "." + component.getName());
    return override != null ? override : kebab(component.getName());
  }

  /** {@code rrfK} → {@code rrf-k}, {@code bm25Weight} → {@code bm25-weight}. */
  static String kebab(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isListOfStrings(Type type) {
    return type instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class;
  }

  private static <R extends Record> R construct(
      Class<R> type, RecordComponent[] components, Object[] values) {
    List<Class<?>> types = new ArrayList<>();
    for (RecordComponent component : components) {
      types.add(component.getType());
    }
    try {
      Constructor<R> canonical = type.getDeclaredConstructor(types.toArray(Class<?>[]::new));
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      // The schema checked every value, so a record refusing one means the two disagree: a bug.
      throw new IllegalStateException(
          type.getSimpleName()
              + " refuses settings the schema accepted: "
              + e.getCause().getMessage(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "cannot construct " + type.getSimpleName() + " from settings", e);
    }
  }
}
