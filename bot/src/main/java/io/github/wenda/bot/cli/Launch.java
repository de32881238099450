package io.github.wenda.bot.cli;

import io.github.wenda.bot.config.Config;
import io.github.wenda.bot.config.ConfigLoader;
import io.github.wenda.bot.config.Secret;
import io.github.wenda.bot.config.SettingsBinder;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.embed.BgeSmallZhEmbedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What every command starts from: the settings (file < env < --set), logging pointed at the data
 * directory, and relative paths resolved against the Wenda folder ({@code -Dwenda.home}, set by the
 * launcher; the working directory otherwise), so {@code ./wenda} works from any directory.
 */
record Launch(
    Config config, Path home, RetrievalSettings retrieval, Secret llmApiKey, boolean verbose) {

  static Launch from(Path configFile, List<String> overrides, boolean verbose) {
    return from(configFile, overrides, verbose, System.getenv());
  }

  static Launch from(
      Path configFile, List<String> overrides, boolean verbose, Map<String, String> env) {
    io.github.wenda.retrieval.text.AnalyzerWarmUp.begin();
    Path home = Path.of(System.getProperty("wenda.home", "")).toAbsolutePath().normalize();
    boolean explicit = configFile != null || env.containsKey("WENDA_CONFIG");
    Path file =
        configFile != null
            ? configFile
            : env.containsKey("WENDA_CONFIG")
                ? Path.of(env.get("WENDA_CONFIG"))
                : home.resolve("config/wenda.yaml");
    Config config = ConfigLoader.load(file, explicit, env, overrides);
    Path dataDir = home.resolve(config.path("data.dir"));
    Logging.configure(dataDir, verbose);
    io.github.wenda.retrieval.embed.OnnxNativeLibrary.useCacheUnder(dataDir.resolve("native"));
    RetrievalSettings retrieval =
        new SettingsBinder(config, home).bind(RetrievalSettings.class, "retrieval");
    return new Launch(
        config, home, retrieval, Secret.fromEnv(env, config.string("llm.api-key-env")), verbose);
  }

  /** The typed settings records of this run's configuration. */
  SettingsBinder settings() {
    return new SettingsBinder(config, home);
  }

  Path dataDir() {
    return home.resolve(config.path("data.dir"));
  }

  /**
   * Opens retrieval for commands that may not need the model (an unchanged index is not
   * re-embedded).
   */
  Retrieval openRetrieval(ProgressListener progress) {
    BgeSmallZhEmbedder embedder = BgeSmallZhEmbedder.shared();
    return Retrieval.open(retrieval, embeddingCache(embedder), embedder, progress);
  }

  /**
   * Opens retrieval; passages go through the persistent embedding cache, questions straight to
   * {@code embedder}.
   */
  Retrieval openRetrieval(
      io.github.wenda.retrieval.api.Embedder embedder, ProgressListener progress) {
    // The question will need the model: load it while the index opens.
    embedder.prepare();
    return Retrieval.open(retrieval, embeddingCache(embedder), embedder, progress);
  }

  /**
   * Starts refreshing {@code r} when the corpus or index changes, every {@code
   * index.watch-seconds}; with 0, a no-op. Close it before {@code r}.
   */
  Watch watch(Retrieval r) {
    int seconds = config.integer("index.watch-seconds");
    if (seconds == 0) {
      return () -> {};
    }
    io.github.wenda.retrieval.CorpusWatch watch =
        io.github.wenda.retrieval.CorpusWatch.start(r, java.time.Duration.ofSeconds(seconds));
    return watch::close;
  }

  /** A running corpus watch (or none); closing it stops it. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The persistent cache of {@code embedder}'s vectors under the data directory ({@code
   * embeddings/<model>}).
   */
  io.github.wenda.retrieval.embed.DiskEmbeddingCache embeddingCache(
      io.github.wenda.retrieval.api.Embedder embedder) {
    return io.github.wenda.retrieval.embed.DiskEmbeddingCache.open(
        dataDir().resolve("embeddings"), embedder);
  }
}
