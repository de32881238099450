package io.github.wenda.retrieval.testing;

import io.github.wenda.retrieval.Backend;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.CorpusOptions;
import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.SolrSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The shipped settings, for tests of the retrieval module, which cannot read the bot's schema.
 * {@code ShippedSettingsTest} in the bot binds the schema's defaults and checks that they equal
 * these, so the quality floors measured here are measured with what users get.
 */
public final class TestSettings {
  /** {@code search.*} and {@code embedding.query-prefix} at their defaults. */
  public static final SearchSettings SEARCH =
      new SearchSettings(
          SearchMode.HYBRID,
          5,
          50,
          FusionMethod.ADAPTIVE,
          60,
          0.8,
          0.5,
          0.25,
          0.1,
          true,
          1.0,
          0.2,
          10,
          false);

  /** The shipped search settings, to change a few of them by name. */
  public static SearchSettingsBuilder searchWith() {
    return new SearchSettingsBuilder(SEARCH);
  }

  /** {@code chunk.*} at their defaults. */
  public static final ChunkSettings CHUNK = new ChunkSettings(300, 0);

  /** {@code corpus.follow-symlinks} and {@code corpus.max-file-mb} at their defaults. */
  public static final CorpusOptions CORPUS = CorpusOptions.ofMegabytes(false, 50);

  /** {@code index.lock-wait-seconds} at its default. */
  public static final Duration LOCK_WAIT = Duration.ofSeconds(120);

  private TestSettings() {}

  /**
   * An index in {@code dir} cutting passages by {@code chunk}, embedding {@code batchSize} at a
   * time.
   */
  public static IndexSettings index(Path dir, ChunkSettings chunk, int batchSize) {
    return new IndexSettings(dir, chunk, batchSize, LOCK_WAIT);
  }

  /** Lucene-backed retrieval of {@code corpusDir} with the default corpus walk and Solr section. */
  public static RetrievalSettings lucene(
      Path corpusDir, IndexSettings index, SearchSettings search) {
    return new RetrievalSettings(
        corpusDir, index, search, Backend.LUCENE, solr(Path.of("config/solr/wenda/conf")), CORPUS);
  }

  /** {@code solr.*} at their defaults, with no hosts and {@code configset}. */
  public static SolrSettings solr(Path configset) {
    return new SolrSettings(
        List.of(), List.of(), "wenda", 2, 2, Duration.ofSeconds(30), 200, configset);
  }
}
