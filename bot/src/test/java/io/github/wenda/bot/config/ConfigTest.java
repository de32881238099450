package io.github.wenda.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Config} getters, {@link Setting} self-checks and the schema's invariants. */
class ConfigTest {

  @Test
  void defaults_hold_every_schema_key_in_schema_order() {
    Config config = Config.defaults();

    assertThat(config.asMap().keySet())
        .containsExactlyElementsOf(SettingsSchema.ALL.stream().map(Setting::key).toList());
    assertThat(config.path("corpus.dir")).isEqualTo(Path.of("corpus"));
    assertThat(config.path("data.dir")).isEqualTo(Path.of(".wenda"));
    assertThat(config.integer("chunk.overlap-chars")).isZero();
    assertThat(config.bool("embedding.query-prefix")).isFalse();
    assertThat(config.integer("embedding.batch-size")).isEqualTo(16);
    assertThat(config.integer("search.k")).isEqualTo(5);
    assertThat(config.integer("search.candidates")).isEqualTo(50);
    assertThat(config.choice("search.fusion")).isEqualTo("adaptive");
    assertThat(config.integer("search.rrf-k")).isEqualTo(60);
  }

  @Test
  void as_map_is_unmodifiable() {
    assertThatThrownBy(() -> Config.defaults().asMap().put("search.k", 7))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void getter_for_a_key_not_in_the_schema_throws() {
    assertThatThrownBy(() -> Config.defaults().integer("search.topk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("search.topk");
    assertThatThrownBy(() -> Config.defaults().source("nope.nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void getter_of_the_wrong_type_throws() {
    assertThatThrownBy(() -> Config.defaults().string("search.k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("setting 'search.k' is INT, not STRING");
  }

  @Test
  void env_name_upper_cases_and_replaces_dots_and_dashes() {
    Setting rrfK = SettingsSchema.find("search.rrf-k").orElseThrow();

    assertThat(rrfK.envName()).isEqualTo("WENDA_SEARCH_RRF_K");
    assertThat(SettingsSchema.findByEnvName("WENDA_CHUNK_MAX_CHARS"))
        .map(Setting::key)
        .contains("chunk.max-chars");
  }

  @Test
  void setting_rejects_a_default_outside_its_range() {
    assertThatThrownBy(() -> Setting.integer("a.b", 0, 1, 10, "Something."))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setting_rejects_a_default_that_is_not_a_choice() {
    assertThatThrownBy(() -> Setting.choice("a.b", "c", List.of("x", "y"), "Something."))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void setting_rejects_keys_without_a_section() {
    assertThatThrownBy(() -> Setting.bool("verbose", true, "Something."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Setting.bool("Search.K", true, "Something."))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sections_are_the_first_parts_of_keys() {
    assertThat(SettingsSchema.isSection("search")).isTrue();
    assertThat(SettingsSchema.isSection("search.k")).isFalse();
    assertThat(SettingsSchema.isSection("serch")).isFalse();
  }

  @Test
  void suggestion_needs_a_close_match() {
    List<String> keys = List.of("search.k", "search.mode", "chunk.max-chars");

    assertThat(Suggestions.closest("search.mod", keys)).contains("search.mode");
    assertThat(Suggestions.closest("chunk.maxchars", keys)).contains("chunk.max-chars");
    assertThat(Suggestions.closest("mode", keys)).contains("search.mode");
    assertThat(Suggestions.closest("colour.scheme", keys)).isEmpty();
  }
}
