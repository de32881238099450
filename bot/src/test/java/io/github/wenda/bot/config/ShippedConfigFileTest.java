package io.github.wenda.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code config/wenda.yaml} documents exactly the schema: every key, at its default,
 * with a comment above it. Fails when a key is added to {@link SettingsSchema} but not the file.
 */
class ShippedConfigFileTest {
  // Surefire runs in the bot module's directory; the file lives at the repository root.
  private static final Path SHIPPED = Path.of("..", "config", "wenda.yaml");

  @Test
  void shipped_file_sets_every_key_to_its_default() {
    Config config = ConfigLoader.load(SHIPPED, true, Map.of(), List.of());

    for (Setting setting : SettingsSchema.ALL) {
      if (String.valueOf(setting.defaultValue()).isEmpty()) { // "" or the empty path
        // An empty value reads as "not set here", so an empty default shows as the default's
        // source.
        continue;
      }
      assertThat(config.source(setting.key()))
          .as("%s must be written in %s", setting.key(), SHIPPED)
          .isInstanceOf(Source.ConfigFile.class);
      assertThat(config.asMap().get(setting.key()))
          .as("%s in %s must be its default", setting.key(), SHIPPED)
          .isEqualTo(setting.defaultValue());
    }
  }

  @Test
  void shipped_file_has_no_keys_beyond_the_schema() {
    // The loader refuses unknown keys, so every entry read is a schema key; count them too.
    assertThat(YamlSettingsReader.read(SHIPPED))
        .extracting(YamlSettingsReader.Entry::key)
        .containsExactlyElementsOf(SettingsSchema.ALL.stream().map(Setting::key).toList());
  }

  @Test
  void every_key_has_a_comment_line_above_it() throws IOException {
    List<String> lines = Files.readAllLines(SHIPPED);

    for (YamlSettingsReader.Entry entry : YamlSettingsReader.read(SHIPPED)) {
      String above = lines.get(entry.line() - 2).trim();
      assertThat(above).as("line above %s (line %d)", entry.key(), entry.line()).startsWith("# ");
    }
  }

  @Test
  void every_number_comment_states_the_schema_range() throws IOException {
    List<String> lines = Files.readAllLines(SHIPPED);

    for (YamlSettingsReader.Entry entry : YamlSettingsReader.read(SHIPPED)) {
      Setting setting = SettingsSchema.find(entry.key()).orElseThrow();
      if (setting.range().isEmpty()) {
        continue;
      }
      StringBuilder comment = new StringBuilder();
      for (int i = entry.line() - 2; i >= 0 && lines.get(i).trim().startsWith("#"); i--) {
        comment.append(lines.get(i));
      }
      assertThat(comment.toString())
          .as("comment above %s", entry.key())
          .contains(setting.range().orElseThrow().toString());
    }
  }

  @Test
  void header_explains_precedence_and_environment_names() throws IOException {
    String text = Files.readString(SHIPPED);

    assertThat(text).startsWith("#").contains("WENDA_SEARCH_RRF_K").contains("--set");
    for (String variable : ConfigLoader.NON_SETTING_VARIABLES) {
      assertThat(text).contains(variable);
    }
  }
}
