package io.github.wenda.bot.cli;

import io.github.wenda.retrieval.testing.TestSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.config.Config;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.chunk.ChunkSettings;
import io.github.wenda.retrieval.search.SearchSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchTest {
  /** The quality floors are measured with retrieval's defaults; they must be the shipped settings. */
  @Test
  void shipped_defaults_are_the_retrieval_defaults_the_quality_floors_were_measured_with() {
    RetrievalSettings s = Launch.retrievalSettings(Config.defaults(), Path.of("/home"));
    assertThat(s.search()).isEqualTo(TestSettings.SEARCH);
    assertThat(s.index().chunk()).isEqualTo(TestSettings.CHUNK);
  }

  @Test
  void relative_paths_resolve_against_the_wenda_home() {
    RetrievalSettings s = Launch.retrievalSettings(Config.defaults(), Path.of("/opt/wenda"));
    assertThat(s.corpusDir()).isEqualTo(Path.of("/opt/wenda/corpus"));
    assertThat(s.index().dir()).isEqualTo(Path.of("/opt/wenda/.wenda/index"));
  }

  @Test
  void moving_data_dir_moves_the_index_with_it() {
    RetrievalSettings s = Launch.retrievalSettings(withSet("data.dir=/srv/wenda-data"), Path.of("/opt/wenda"));
    assertThat(s.index().dir()).isEqualTo(Path.of("/srv/wenda-data/index"));
  }

  @Test
  void an_explicit_index_dir_stays_where_it_is_set_whatever_data_dir_says() {
    RetrievalSettings s = Launch.retrievalSettings(
        withSet("data.dir=/srv/wenda-data", "index.dir=idx", "index.lock-wait-seconds=5"), Path.of("/opt/wenda"));
    assertThat(s.index().dir()).isEqualTo(Path.of("/opt/wenda/idx"));
    assertThat(s.index().lockWait()).isEqualTo(java.time.Duration.ofSeconds(5));
  }

  private static Config withSet(String... overrides) {
    return io.github.wenda.bot.config.ConfigLoader.load(
        Path.of("/nonexistent/wenda.yaml"), false, java.util.Map.of(), java.util.List.of(overrides));
  }
}
