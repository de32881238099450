package io.github.wenda.bot.cli;

import io.github.wenda.bot.config.Config;
import io.github.wenda.bot.config.ConfigLoader;
import io.github.wenda.bot.config.Secret;
import io.github.wenda.retrieval.Backend;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.embed.BgeSmallZhEmbedder;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.SolrSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What every command starts from: the settings (file < env < --set), logging pointed at the data
 * directory, and relative paths resolved against the Wenda folder ({@code -Dwenda.home}, set by the
 * launcher; the working directory otherwise), so {@code ./wenda} works from any directory.
 */
record Launch(Config config, Path home, RetrievalSettings retrieval, Secret llmApiKey, boolean verbose) {

  static Launch from(Path configFile, List<String> overrides, boolean verbose) {
    return from(configFile, overrides, verbose, System.getenv());
  }

  static Launch from(Path configFile, List<String> overrides, boolean verbose, Map<String, String> env) {
    io.github.wenda.retrieval.text.AnalyzerWarmUp.begin();
    Path home = Path.of(System.getProperty("wenda.home", "")).toAbsolutePath().normalize();
    boolean explicit = configFile != null || env.containsKey("WENDA_CONFIG");
    Path file = configFile != null
        ? configFile
        : env.containsKey("WENDA_CONFIG") ? Path.of(env.get("WENDA_CONFIG")) : home.resolve("config/wenda.yaml");
    Config config = ConfigLoader.load(file, explicit, env, overrides);
    Path dataDir = home.resolve(config.path("data.dir"));
    Logging.configure(dataDir, verbose);
    io.github.wenda.retrieval.embed.OnnxNativeLibrary.useCacheUnder(dataDir.resolve("native"));
    return new Launch(config, home, retrievalSettings(config, home), Secret.fromEnv(env, config.string("llm.api-key-env")), verbose);
  }

  static RetrievalSettings retrievalSettings(Config c, Path home) {
    ChunkSettings chunk = new ChunkSettings(c.integer("chunk.max-chars"), c.integer("chunk.overlap-chars"));
    IndexSettings index = new IndexSettings(indexDir(c, home), chunk, c.integer("embedding.batch-size"),
        Duration.ofSeconds(c.integer("index.lock-wait-seconds")));
    SearchSettings search = new SearchSettings(
        SearchMode.parse(c.choice("search.mode")),
        c.integer("search.k"),
        c.integer("search.candidates"),
        FusionMethod.parse(c.choice("search.fusion")),
        c.integer("search.rrf-k"),
        c.decimal("search.bm25-weight"),
        c.bool("search.bigram-field"),
        c.decimal("search.bigram-weight"),
        c.bool("embedding.query-prefix"));
    SolrSettings solr = new SolrSettings(
        commaList(c.string("solr.zk-hosts")),
        commaList(c.string("solr.urls")),
        c.string("solr.collection"),
        c.integer("solr.shards"),
        c.integer("solr.replicas"),
        Duration.ofSeconds(c.integer("solr.timeout-seconds")),
        c.integer("solr.batch-size"),
        home.resolve(c.path("solr.configset")));
    return new RetrievalSettings(
        home.resolve(c.path("corpus.dir")), index, search, Backend.parse(c.choice("retrieval.backend")), solr,
        io.github.wenda.retrieval.api.CorpusOptions.ofMegabytes(c.bool("corpus.follow-symlinks"), c.integer("corpus.max-file-mb")));
  }

  /** {@code index.dir}, or {@code <data.dir>/index} when it is empty: moving data.dir moves the index with it. */
  static Path indexDir(Config c, Path home) {
    Path explicit = c.path("index.dir");
    return explicit.toString().isEmpty()
        ? home.resolve(c.path("data.dir")).resolve("index")
        : home.resolve(explicit);
  }

  private static List<String> commaList(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  Path dataDir() {
    return home.resolve(config.path("data.dir"));
  }

  /** Opens retrieval for commands that may not need the model (an unchanged index is not re-embedded). */
  Retrieval openRetrieval(ProgressListener progress) {
    BgeSmallZhEmbedder embedder = BgeSmallZhEmbedder.shared();
    return Retrieval.open(retrieval, embeddingCache(embedder), embedder, progress);
  }

  /** Opens retrieval; passages go through the persistent embedding cache, questions straight to {@code embedder}. */
  Retrieval openRetrieval(io.github.wenda.retrieval.api.Embedder embedder, ProgressListener progress) {
    // The question will need the model: load it while the index opens.
    embedder.prepare();
    return Retrieval.open(retrieval, embeddingCache(embedder), embedder, progress);
  }

  /**
   * Starts refreshing {@code r} when the corpus or index changes, every {@code index.watch-seconds};
   * with 0, a no-op. Close it before {@code r}.
   */
  Watch watch(Retrieval r) {
    int seconds = config.integer("index.watch-seconds");
    if (seconds == 0) {
      return () -> { };
    }
    io.github.wenda.retrieval.CorpusWatch watch = io.github.wenda.retrieval.CorpusWatch.start(r, java.time.Duration.ofSeconds(seconds));
    return watch::close;
  }

  /** A running corpus watch (or none); closing it stops it. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /** The persistent cache of {@code embedder}'s vectors under the data directory ({@code embeddings/<model>}). */
  io.github.wenda.retrieval.embed.DiskEmbeddingCache embeddingCache(io.github.wenda.retrieval.api.Embedder embedder) {
    return io.github.wenda.retrieval.embed.DiskEmbeddingCache.open(dataDir().resolve("embeddings"), embedder);
  }
}
