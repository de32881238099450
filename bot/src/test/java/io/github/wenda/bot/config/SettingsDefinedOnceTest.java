package io.github.wenda.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.ExtractiveComposer;
import io.github.wenda.bot.answer.NoAnswerPolicy;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.testing.TestSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each setting is defined once, in {@link SettingsSchema}: every key reaches a record component
 * through {@link SettingsBinder} (or is read by name where it is used), the records hold no
 * defaults or ranges of their own, and the retrieval module's tests run with the shipped values.
 */
class SettingsDefinedOnceTest {
  private static final Path HOME = Path.of("/opt/wenda");

  /** The records the CLI binds ({@code Launch}, {@code Answering}), each with its section. */
  private static final Map<Class<? extends Record>, String> BOUND = new LinkedHashMap<>();

  static {
    BOUND.put(RetrievalSettings.class, "retrieval");
    BOUND.put(NoAnswerPolicy.class, "answer");
    BOUND.put(ExtractiveComposer.Limits.class, "answer");
  }

  /**
   * Keys read by name where they are used, because no settings record carries them: the Telegram,
   * LLM and conversation sections, and single keys the commands read.
   */
  private static final List<String> READ_BY_NAME_SECTIONS =
      List.of("telegram.", "llm.", "conversation.");

  private static final Set<String> READ_BY_NAME =
      Set.of(
          "data.dir",
          "index.watch-seconds",
          "answer.mode",
          "answer.max-question-chars",
          "answer.related-shown");

  /**
   * Valid with either backend, so that trying retrieval.backend=solr passes the cross-key rules.
   */
  private static final String SOLR_URL = "solr.urls=http://solr:8983/solr";

  @Test
  void every_schema_key_is_bound_to_a_record_component_or_read_by_name_where_it_is_used() {
    Set<String> bound = boundKeys();
    Set<String> byName = new LinkedHashSet<>();
    for (Setting setting : SettingsSchema.ALL) {
      if (READ_BY_NAME.contains(setting.key())
          || READ_BY_NAME_SECTIONS.stream().anyMatch(setting.key()::startsWith)) {
        byName.add(setting.key());
      }
    }

    Set<String> both = new HashSet<>(bound);
    both.retainAll(byName);
    assertThat(both).as("keys both bound and read by name").isEmpty();
    Set<String> all = new LinkedHashSet<>(bound);
    all.addAll(byName);
    assertThat(all)
        .containsExactlyInAnyOrderElementsOf(
            SettingsSchema.ALL.stream().map(Setting::key).toList());
  }

  @Test
  void changing_any_bound_key_changes_the_record_it_is_bound_to() {
    for (Map.Entry<Class<? extends Record>, String> entry : BOUND.entrySet()) {
      Record base = bind(entry.getKey(), entry.getValue(), SOLR_URL);
      for (String key : SettingsBinder.keysOf(entry.getKey(), entry.getValue())) {
        String other = key + "=" + otherValue(SettingsSchema.find(key).orElseThrow());
        Record changed = bind(entry.getKey(), entry.getValue(), SOLR_URL, other);

        assertThat(changed)
            .as("--set %s must reach %s", other, entry.getKey().getSimpleName())
            .isNotEqualTo(base);
      }
    }
  }

  @Test
  void every_choice_names_a_constant_of_the_enum_it_is_bound_to() {
    for (Map.Entry<Class<? extends Record>, String> entry : BOUND.entrySet()) {
      for (String key : SettingsBinder.keysOf(entry.getKey(), entry.getValue())) {
        Setting setting = SettingsSchema.find(key).orElseThrow();
        for (String choice : setting.choices()) {
          assertThat(bind(entry.getKey(), entry.getValue(), SOLR_URL, key + "=" + choice))
              .isNotNull();
        }
      }
    }
  }

  @Test
  void settings_records_hold_no_defaults_of_their_own() {
    for (Class<?> record : records()) {
      for (Method method : record.getDeclaredMethods()) {
        if (Modifier.isStatic(method.getModifiers())) {
          assertThat(method.getName())
              .as("static method of %s", record.getSimpleName())
              .doesNotStartWithIgnoringCase("default");
        }
      }
      for (Field field : record.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          assertThat(field.getName())
              .as("constant of %s", record.getSimpleName())
              .doesNotStartWithIgnoringCase("default");
        }
      }
    }
  }

  /**
   * The quality floors of the retrieval module are measured with these; they must be what users
   * get.
   */
  @Test
  void the_retrieval_tests_run_with_the_shipped_settings() {
    RetrievalSettings shipped =
        new SettingsBinder(Config.defaults(), HOME).bind(RetrievalSettings.class, "retrieval");

    assertThat(TestSettings.SEARCH).isEqualTo(shipped.search());
    assertThat(TestSettings.CHUNK).isEqualTo(shipped.index().chunk());
    assertThat(TestSettings.CORPUS).isEqualTo(shipped.corpus());
    assertThat(TestSettings.LOCK_WAIT).isEqualTo(shipped.index().lockWait());
    assertThat(TestSettings.solr(shipped.solr().configset())).isEqualTo(shipped.solr());
  }

  @Test
  void search_k_allows_exactly_what_one_search_may_return() {
    Setting k = SettingsSchema.find("search.k").orElseThrow();

    assertThat(k.range().orElseThrow().max()).isEqualTo(Query.MAX_K);
    assertThat(new Query("问题", k.range().orElseThrow().max().intValue(), SearchMode.HYBRID).k())
        .isEqualTo(Query.MAX_K);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Query("问题", k.range().orElseThrow().max().intValue() + 1, SearchMode.HYBRID))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_component_without_a_schema_key_is_a_bug_named_by_its_record() {
    record Stray(int notASetting) {}

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new SettingsBinder(Config.defaults(), HOME).bind(Stray.class, "search"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Stray.notASetting")
        .hasMessageContaining("search.not-a-setting");
  }

  private static Set<String> boundKeys() {
    Set<String> keys = new LinkedHashSet<>();
    BOUND.forEach((type, section) -> keys.addAll(SettingsBinder.keysOf(type, section)));
    return keys;
  }

  private static Record bind(Class<? extends Record> type, String section, String... overrides) {
    Config config =
        ConfigLoader.load(Path.of("/nonexistent/wenda.yaml"), false, Map.of(), List.of(overrides));
    return new SettingsBinder(config, HOME).bind(type, section);
  }

  /** A valid value other than the default. */
  private static String otherValue(Setting setting) {
    Object d = setting.defaultValue();
    return switch (setting.type()) {
      case INT ->
          Integer.toString(
              (Integer) d < setting.range().orElseThrow().max().intValue()
                  ? (Integer) d + 1
                  : (Integer) d - 1);
      case DOUBLE ->
          Double.toString(
              (Double) d < setting.range().orElseThrow().max().doubleValue()
                  ? setting.range().orElseThrow().max().doubleValue()
                  : setting.range().orElseThrow().min().doubleValue());
      case BOOLEAN -> Boolean.toString(!(Boolean) d);
      case CHOICE -> setting.choices().stream().filter(c -> !c.equals(d)).findFirst().orElseThrow();
      case STRING -> setting.key().equals("solr.urls") ? "http://other:8983/solr" : "other";
      case PATH -> "elsewhere";
    };
  }

  private static List<Class<?>> records() {
    List<Class<?>> out = new ArrayList<>();
    BOUND.keySet().forEach(type -> collect(type, out));
    return out;
  }

  private static void collect(Class<?> record, List<Class<?>> out) {
    out.add(record);
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getType().isRecord()) {
        collect(component.getType(), out);
      }
    }
  }
}
