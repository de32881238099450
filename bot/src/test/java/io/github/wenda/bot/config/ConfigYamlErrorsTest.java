package io.github.wenda.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed or unusual YAML gives one line naming the file and where, without parser dumps. */
class ConfigYamlErrorsTest {
  @TempDir Path dir;

  private ConfigException loadFailure(String text) throws IOException {
    Path file = dir.resolve("wenda.yaml");
    Files.writeString(file, text);
    return catchThrowableOfType(
        ConfigException.class, () -> ConfigLoader.load(file, true, Map.of(), List.of()));
  }

  private String file() {
    return dir.resolve("wenda.yaml").toString();
  }

  private static void assertOneLineWithoutJargon(ConfigException e) {
    assertThat(e.getMessage())
        .doesNotContain("\n")
        .doesNotContain("Exception")
        .doesNotContain("jackson")
        .doesNotContain("snakeyaml")
        .doesNotContain("<block");
  }

  @Test
  void bad_indentation_names_file_line_and_column() throws IOException {
    ConfigException e = loadFailure("search:\n  k: 5\n mode: bm25\n");

    assertThat(e)
        .hasMessage(
            file()
                + ":3:2: not valid YAML: "
                + "indentation does not line up with the lines above");
    assertOneLineWithoutJargon(e);
  }

  @Test
  void tab_indentation_is_named() throws IOException {
    ConfigException e = loadFailure("search:\n\tk: 5\n");

    assertThat(e).hasMessage(file() + ":2:1: not valid YAML: a tab character; indent with spaces");
  }

  @Test
  void unclosed_quote_is_named() throws IOException {
    ConfigException e = loadFailure("corpus:\n  dir: \"docs\n");

    assertThat(e.getMessage())
        .startsWith(file() + ":3:1: not valid YAML: ")
        .endsWith("a quoted value is not closed");
  }

  @Test
  void colon_inside_a_value_is_explained() throws IOException {
    ConfigException e = loadFailure("search:\n  mode: bm25: fast\n");

    assertThat(e)
        .hasMessage(
            file() + ":2:13: not valid YAML: " + "unexpected ':'; quote values that contain ': '");
  }

  @Test
  void unknown_parser_problem_still_gives_one_line_with_location() throws IOException {
    ConfigException e = loadFailure("search:\n  mode: @bm25\n");

    assertThat(e.getMessage()).startsWith(file() + ":2:9: not valid YAML: ");
    assertOneLineWithoutJargon(e);
  }

  @Test
  void top_level_list_is_refused() throws IOException {
    assertThat(loadFailure("- search.k: 5\n"))
        .hasMessage(file() + ":1: expected settings as 'key: value' lines, but found a list");
  }

  @Test
  void second_document_is_refused() throws IOException {
    assertThat(loadFailure("search:\n  k: 5\n---\nsearch:\n  k: 6\n"))
        .hasMessage(file() + ":4: a second YAML document ('---'); put all settings in one");
  }

  @Test
  void alias_is_refused_rather_than_read_as_its_name() throws IOException {
    ConfigException e = loadFailure("chunk:\n  max-chars: &n 400\nsearch:\n  k: *n\n");

    assertThat(e.getMessage()).startsWith(file() + ":4: YAML aliases (*n) are not supported");
    assertThat(e.key()).contains("search.k");
  }

  @Test
  void file_that_is_not_utf8_is_named() throws IOException {
    Path file = dir.resolve("wenda.yaml");
    Files.write(file, new byte[] {'k', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});

    assertThat(
            catchThrowableOfType(
                ConfigException.class, () -> ConfigLoader.load(file, true, Map.of(), List.of())))
        .hasMessage(file + ": not UTF-8 text");
  }

  @Test
  void an_endless_or_huge_file_is_refused_with_its_name_not_an_out_of_memory_error()
      throws IOException {
    Path zero = Path.of("/dev/zero");
    if (Files.isReadable(zero)) {
      assertThat(
              catchThrowableOfType(
                  ConfigException.class, () -> ConfigLoader.load(zero, true, Map.of(), List.of())))
          .hasMessageContaining("/dev/zero")
          .hasMessageContaining("larger than 1024 KiB");
    }
    Path huge = dir.resolve("huge.yaml");
    Files.writeString(huge, "# padding\n".repeat(120_000));
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ConfigLoader.load(huge, true, Map.of(), List.of()));
    assertThat(e)
        .hasMessageContaining(huge.toString())
        .hasMessageContaining("not a Wenda config file");
    assertOneLineWithoutJargon(e);
  }
}
