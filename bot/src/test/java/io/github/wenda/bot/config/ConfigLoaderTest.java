package io.github.wenda.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    Path file = dir.resolve("wenda.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static Config load(Path file, Map<String, String> env, List<String> overrides) {
    return ConfigLoader.load(file, true, env, overrides);
  }

  /** No config file at all (the default one is missing), so only env and --set apply. */
  private Config withoutFile(Map<String, String> env, List<String> overrides) {
    return ConfigLoader.load(dir.resolve("absent.yaml"), false, env, overrides);
  }

  private static ConfigException failure(Runnable load) {
    return catchThrowableOfType(ConfigException.class, load::run);
  }

  // --- layers ---

  @Test
  void missing_default_file_gives_all_defaults() {
    Config config = withoutFile(Map.of(), List.of());

    assertThat(config.asMap()).isEqualTo(Config.defaults().asMap());
    assertThat(config.integer("chunk.max-chars")).isEqualTo(300);
    assertThat(config.path("index.dir"))
        .isEqualTo(Path.of("")); // empty: under data.dir (see Launch)
    assertThat(config.choice("search.mode")).isEqualTo("hybrid");
    assertThat(config.decimal("search.bm25-weight")).isEqualTo(0.8);
    assertThat(config.bool("search.bigram-field")).isTrue();
    assertThat(config.source("search.k")).hasToString("default");
  }

  @Test
  void missing_explicit_file_is_an_error_naming_it() {
    Path absent = dir.resolve("mine.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(absent, true, Map.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config file not found: " + absent);
  }

  @Test
  void nested_file_values_override_defaults_and_record_their_line() throws IOException {
    Path file =
        yaml(
            """
        # comment
        search:
          k: 8
          mode: bm25
          bm25-weight: 0.25
        chunk:
          max-chars: 500
        corpus:
          dir: docs/zh
        """);

    Config config = load(file, Map.of(), List.of());

    assertThat(config.integer("search.k")).isEqualTo(8);
    assertThat(config.choice("search.mode")).isEqualTo("bm25");
    assertThat(config.decimal("search.bm25-weight")).isEqualTo(0.25);
    assertThat(config.integer("chunk.max-chars")).isEqualTo(500);
    assertThat(config.path("corpus.dir")).isEqualTo(Path.of("docs/zh"));
    assertThat(config.source("search.k")).isEqualTo(new Source.ConfigFile(file, 3));
    assertThat(config.source("search.k")).hasToString(file + ":3");
    assertThat(config.source("search.rrf-k")).isEqualTo(new Source.Default());
  }

  @Test
  void dotted_keys_at_top_level_are_accepted_too() throws IOException {
    Config config = load(yaml("search.k: 9\n"), Map.of(), List.of());

    assertThat(config.integer("search.k")).isEqualTo(9);
  }

  @Test
  void env_overrides_file() throws IOException {
    Path file = yaml("search:\n  rrf-k: 30\n  k: 8\n");

    Config config = load(file, Map.of("WENDA_SEARCH_RRF_K", "40", "PATH", "/bin"), List.of());

    assertThat(config.integer("search.rrf-k")).isEqualTo(40);
    assertThat(config.source("search.rrf-k")).hasToString("env WENDA_SEARCH_RRF_K");
    assertThat(config.integer("search.k")).isEqualTo(8);
  }

  @Test
  void set_overrides_env_and_the_last_set_wins() throws IOException {
    Path file = yaml("search:\n  k: 8\n");

    Config config =
        load(
            file,
            Map.of("WENDA_SEARCH_K", "9"),
            List.of("search.k=10", "search.k=11", "embedding.query-prefix=true"));

    assertThat(config.integer("search.k")).isEqualTo(11);
    assertThat(config.source("search.k")).hasToString("--set search.k=11");
    assertThat(config.bool("embedding.query-prefix")).isTrue();
  }

  @Test
  void set_value_may_contain_equals_signs() {
    Config config = withoutFile(Map.of(), List.of("corpus.dir=a=b"));

    assertThat(config.path("corpus.dir")).isEqualTo(Path.of("a=b"));
  }

  @Test
  void empty_or_null_values_fall_back_to_the_layer_below() throws IOException {
    Path file = yaml("search:\n  k:\n  mode: ~\n  rrf-k: 30\nchunk:\n");

    Config config = load(file, Map.of("WENDA_SEARCH_RRF_K", ""), List.of("search.k="));

    assertThat(config.integer("search.k")).isEqualTo(5);
    assertThat(config.source("search.k")).isEqualTo(new Source.Default());
    assertThat(config.choice("search.mode")).isEqualTo("hybrid");
    assertThat(config.integer("search.rrf-k")).isEqualTo(30);
  }

  @Test
  void empty_file_gives_defaults() throws IOException {
    Config config = load(yaml("# nothing yet\n"), Map.of(), List.of());

    assertThat(config.asMap()).isEqualTo(Config.defaults().asMap());
  }

  @Test
  void choices_and_booleans_ignore_case() {
    Config config =
        withoutFile(
            Map.of("WENDA_SEARCH_MODE", "BM25", "WENDA_SEARCH_BIGRAM_FIELD", "False"), List.of());

    assertThat(config.choice("search.mode")).isEqualTo("bm25");
    assertThat(config.bool("search.bigram-field")).isFalse();
  }

  @Test
  void non_setting_wenda_variables_are_ignored() {
    Config config =
        withoutFile(
            Map.of(
                "WENDA_HOME", "/opt/wenda", "WENDA_JAVA_OPTS", "-Xmx2g", "WENDA_CONFIG", "x.yaml"),
            List.of());

    assertThat(config.asMap()).isEqualTo(Config.defaults().asMap());
  }

  // --- errors in the file ---

  @Test
  void unknown_key_names_the_key_and_line_and_suggests_the_closest() throws IOException {
    Path file = yaml("search:\n  mode: bm25\n\nserch:\n  k: 5\n");

    ConfigException e = failure(() -> load(file, Map.of(), List.of()));

    assertThat(e).hasMessage(file + ":5: unknown setting 'serch.k' (did you mean 'search.k'?)");
    assertThat(e.key()).contains("serch.k");
  }

  @Test
  void unknown_key_far_from_any_gets_no_suggestion() throws IOException {
    Path file = yaml("colour: blue\n");

    assertThat(failure(() -> load(file, Map.of(), List.of())))
        .hasMessage(file + ":1: unknown setting 'colour'");
  }

  @Test
  void key_outside_its_section_suggests_the_full_key() throws IOException {
    Path file = yaml("rrf-k: 40\n");

    assertThat(failure(() -> load(file, Map.of(), List.of())))
        .hasMessage(file + ":1: unknown setting 'rrf-k' (did you mean 'search.rrf-k'?)");
  }

  @Test
  void wrong_type_names_file_line_key_and_quoted_value() throws IOException {
    Path file = yaml("chunk:\n  max-chars: 300\nsearch:\n  k: five\n");

    ConfigException e = failure(() -> load(file, Map.of(), List.of()));

    assertThat(e).hasMessage(file + ":4: search.k must be an integer, but is: \"five\"");
    assertThat(e.key()).contains("search.k");
  }

  @Test
  void fraction_for_an_integer_is_a_wrong_type_shown_unquoted() throws IOException {
    Path file = yaml("search:\n  k: 5.5\n");

    assertThat(failure(() -> load(file, Map.of(), List.of())))
        .hasMessage(file + ":2: search.k must be an integer, but is: 5.5");
  }

  @Test
  void yaml_yes_is_not_a_boolean() throws IOException {
    Path file = yaml("search:\n  bigram-field: yes\n");

    assertThat(failure(() -> load(file, Map.of(), List.of())))
        .hasMessage(file + ":2: search.bigram-field must be true or false, but is: yes");
  }

  @Test
  void list_for_a_value_is_a_wrong_type() throws IOException {
    Path file = yaml("search:\n  k: [1, 2]\n");

    assertThat(failure(() -> load(file, Map.of(), List.of())))
        .hasMessage(file + ":2: search.k must be an integer, but is a list");
  }

  @Test
  void mapping_for_a_value_is_a_wrong_type() throws IOException {
    Path file = yaml("search:\n  k:\n    value: 3\n");

    assertThat(failure(() -> load(file, Map.of(), List.of())))
        .hasMessage(file + ":2: search.k must be an integer, but is a section (nested keys)");
  }

  @Test
  void scalar_for_a_section_says_it_needs_nested_keys() throws IOException {
    Path file = yaml("chunk:\n  max-chars: 300\nsearch: 5\n");

    ConfigException e = failure(() -> load(file, Map.of(), List.of()));

    assertThat(e)
        .hasMessage(
            file
                + ":3: search is a section, so it needs nested settings such as "
                + "search.mode, but is: 5");
    assertThat(e.key()).contains("search");
  }

  @Test
  void out_of_range_names_key_bounds_value_and_location() throws IOException {
    Path file = yaml("# sizes\n\nchunk:\n  max-chars: 5000\n");

    ConfigException e = failure(() -> load(file, Map.of(), List.of()));

    assertThat(e)
        .hasMessage("chunk.max-chars must be between 100 and 2000, but is: 5000 (" + file + ":4)");
    assertThat(e.key()).contains("chunk.max-chars");
  }

  @Test
  void decimal_out_of_range_shows_decimal_bounds() throws IOException {
    Path file = yaml("search:\n  bm25-weight: 1.5\n");

    assertThat(failure(() -> load(file, Map.of(), List.of())))
        .hasMessage("search.bm25-weight must be between 0.0 and 1.0, but is: 1.5 (" + file + ":2)");
  }

  @Test
  void huge_integer_is_out_of_range_not_a_wrong_type() {
    assertThat(failure(() -> withoutFile(Map.of(), List.of("search.k=99999999999999999999"))))
        .hasMessage(
            "search.k must be between 1 and 100, but is: 99999999999999999999"
                + " (--set search.k=99999999999999999999)");
  }

  @Test
  void bad_value_in_the_file_is_reported_even_when_overridden() throws IOException {
    Path file = yaml("search:\n  k: 0\n");

    assertThat(failure(() -> load(file, Map.of(), List.of("search.k=5"))))
        .hasMessageContaining("search.k must be between 1 and 100, but is: 0");
  }

  @Test
  void duplicate_key_names_both_lines() throws IOException {
    Path file = yaml("search:\n  k: 5\nsearch.k: 6\n");

    ConfigException e = failure(() -> load(file, Map.of(), List.of()));

    assertThat(e).hasMessage(file + ":3: search.k is set twice (first on line 2)");
  }

  // --- errors in the environment ---

  @Test
  void bad_choice_names_allowed_values_value_and_variable() {
    ConfigException e =
        failure(() -> withoutFile(Map.of("WENDA_SEARCH_MODE", "semantic"), List.of()));

    assertThat(e)
        .hasMessage(
            "search.mode must be one of [hybrid, bm25, vector], but is: "
                + "\"semantic\" (env WENDA_SEARCH_MODE)");
    assertThat(e.key()).contains("search.mode");
  }

  @Test
  void wrong_type_in_env_names_the_variable() {
    assertThat(failure(() -> withoutFile(Map.of("WENDA_SEARCH_K", "five"), List.of())))
        .hasMessage("env WENDA_SEARCH_K: search.k must be an integer, but is: \"five\"");
  }

  @Test
  void unknown_env_var_names_the_variable_and_suggests_one() {
    ConfigException e = failure(() -> withoutFile(Map.of("WENDA_SERCH_K", "5"), List.of()));

    assertThat(e.getMessage())
        .startsWith("environment variable WENDA_SERCH_K names no setting")
        .contains("(did you mean WENDA_SEARCH_K?)");
  }

  @Test
  void unknown_env_var_message_does_not_print_its_value() {
    ConfigException e =
        failure(() -> withoutFile(Map.of("WENDA_API_TOKEN", "sk-secret-123"), List.of()));

    assertThat(e.getMessage()).contains("WENDA_API_TOKEN").doesNotContain("sk-secret-123");
  }

  // --- errors in --set ---

  @Test
  void set_without_equals_names_the_argument() {
    ConfigException e = failure(() -> withoutFile(Map.of(), List.of("search.k")));

    assertThat(e).hasMessage("--set \"search.k\": expected key=value, e.g. --set search.k=8");
  }

  @Test
  void set_with_unknown_key_suggests_the_closest() {
    assertThat(failure(() -> withoutFile(Map.of(), List.of("serch.k=5"))))
        .hasMessage("--set serch.k=5: unknown setting 'serch.k' (did you mean 'search.k'?)");
  }

  @Test
  void set_out_of_range_names_the_option() {
    assertThat(failure(() -> withoutFile(Map.of(), List.of("search.candidates=0"))))
        .hasMessage(
            "search.candidates must be between 1 and 1000, but is: 0"
                + " (--set search.candidates=0)");
  }

  @Test
  void a_bad_value_is_a_user_error_carrying_its_key_and_value() {
    assertThat(failure(() -> withoutFile(Map.of("WENDA_SEARCH_K", "500"), List.of())))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).contains("search.k");
              assertThat(e.value()).contains("500");
            });
    assertThat(failure(() -> withoutFile(Map.of(), List.of("search.fusion=sum"))))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.value()).contains("sum"));
    assertThat(failure(() -> withoutFile(Map.of(), List.of("solr.collection=a b"))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).contains("solr.collection");
              assertThat(e.value()).contains("a b");
            });
  }

  @Test
  void an_unknown_key_carries_the_key_but_no_value() {
    assertThat(failure(() -> withoutFile(Map.of(), List.of("serch.k=5"))))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.key()).contains("serch.k");
              assertThat(e.value()).isEmpty();
            });
  }

  // --- cross-key rules ---

  @Test
  void overlap_must_be_below_max_chars_naming_both_sources() throws IOException {
    Path file = yaml("chunk:\n  max-chars: 200\n");

    ConfigException e = failure(() -> load(file, Map.of(), List.of("chunk.overlap-chars=200")));

    assertThat(e)
        .hasMessage(
            "chunk.overlap-chars must be less than chunk.max-chars (200, "
                + file
                + ":2), but is: 200 (--set chunk.overlap-chars=200)");
    assertThat(e.key()).contains("chunk.overlap-chars");
  }

  @Test
  void overlap_below_max_chars_is_accepted() {
    Config config = withoutFile(Map.of(), List.of("chunk.overlap-chars=299"));

    assertThat(config.integer("chunk.overlap-chars")).isEqualTo(299);
  }
}
