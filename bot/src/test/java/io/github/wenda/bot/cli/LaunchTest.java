package io.github.wenda.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.config.Config;
import io.github.wenda.bot.config.SettingsBinder;
import io.github.wenda.retrieval.RetrievalSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchTest {
  @Test
  void relative_paths_resolve_against_the_wenda_home() {
    RetrievalSettings s = retrieval(Config.defaults(), Path.of("/opt/wenda"));
    assertThat(s.corpusDir()).isEqualTo(Path.of("/opt/wenda/corpus"));
    assertThat(s.index().dir()).isEqualTo(Path.of("/opt/wenda/.wenda/index"));
    assertThat(s.solr().configset()).isEqualTo(Path.of("/opt/wenda/config/solr/wenda/conf"));
  }

  @Test
  void moving_data_dir_moves_the_index_with_it() {
    RetrievalSettings s = retrieval(withSet("data.dir=/srv/wenda-data"), Path.of("/opt/wenda"));
    assertThat(s.index().dir()).isEqualTo(Path.of("/srv/wenda-data/index"));
  }

  @Test
  void an_explicit_index_dir_stays_where_it_is_set_whatever_data_dir_says() {
    RetrievalSettings s =
        retrieval(
            withSet("data.dir=/srv/wenda-data", "index.dir=idx", "index.lock-wait-seconds=5"),
            Path.of("/opt/wenda"));
    assertThat(s.index().dir()).isEqualTo(Path.of("/opt/wenda/idx"));
    assertThat(s.index().lockWait()).isEqualTo(java.time.Duration.ofSeconds(5));
  }

  @Test
  void comma_separated_solr_hosts_become_a_list_without_blanks() {
    RetrievalSettings s =
        retrieval(withSet("solr.zk-hosts= zk1:2181 ,, zk2:2181/solr "), Path.of("/opt/wenda"));
    assertThat(s.solr().zkHosts()).containsExactly("zk1:2181", "zk2:2181/solr");
    assertThat(s.solr().urls()).isEmpty();
  }

  private static RetrievalSettings retrieval(Config config, Path home) {
    return new SettingsBinder(config, home).bind(RetrievalSettings.class, "retrieval");
  }

  private static Config withSet(String... overrides) {
    return io.github.wenda.bot.config.ConfigLoader.load(
        Path.of("/nonexistent/wenda.yaml"),
        false,
        java.util.Map.of(),
        java.util.List.of(overrides));
  }
}
