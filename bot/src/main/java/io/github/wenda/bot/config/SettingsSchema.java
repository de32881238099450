package io.github.wenda.bot.config;

import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SolrSettings;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of every setting Wenda knows, in the order {@code config show} and {@code
 * config/wenda.yaml} list them.
 *
 * <p>This is the only place that knows a setting's type, default, range and description. To add
 * one: add one line to {@link #ALL} and the same key, default and description (as a comment) to
 * {@code config/wenda.yaml} ({@code ShippedConfigFileTest} fails until both agree); then give the
 * record that carries its section a component named after it (e.g. {@code search.rrf-k} is {@code
 * SearchSettings.rrfK}), which {@link SettingsBinder} fills, and use it. Sections without a
 * settings record (telegram, llm, conversation) read their keys with the matching {@link Config}
 * getter where they are used.
 */
public final class SettingsSchema {

  /** Every setting, grouped by YAML section. */
  public static final List<Setting> ALL =
      List.of(
          Setting.path(
              "corpus.dir",
              "corpus",
              "Folder of documents (.pdf, .html, .docx, .md, .txt), searched recursively."),
          Setting.bool(
              "corpus.follow-symlinks",
              false,
              "Follow symbolic links that lead out of the corpus folder (off: they are skipped with a warning)."),
          Setting.integer(
              "corpus.max-file-mb",
              50,
              1,
              4096,
              "Skip (with a warning) corpus files larger than this many megabytes."),
          Setting.path("data.dir", ".wenda", "Data directory: index, caches, logs."),
          Setting.path(
              "index.dir",
              "",
              "Where the Lucene index and its manifest live; empty: <data.dir>/index. Must be a new or empty folder or a Wenda index."),
          Setting.integer(
              "index.lock-wait-seconds",
              120,
              0,
              3600,
              "How long ./wenda index (or a refresh) waits for another process writing the same index before giving up."),
          Setting.integer(
              "index.watch-seconds",
              0,
              0,
              86400,
              "Console and Telegram: look for changed corpus files (or a deleted index) this often and refresh; 0: off."),
          Setting.choice(
              "retrieval.backend",
              "lucene",
              List.of("lucene", "solr"),
              "Where passages are stored and searched: the embedded Lucene index, or a SolrCloud collection (solr.*)."),
          Setting.string(
              "solr.zk-hosts",
              "",
              "Comma-separated ZooKeeper hosts of the SolrCloud, host:port[/chroot]; set this or solr.urls."),
          Setting.string(
              "solr.urls",
              "",
              "Comma-separated Solr base URLs, e.g. http://solr1:8983/solr; set this or solr.zk-hosts."),
          Setting.string(
              "solr.collection",
              "wenda",
              "Collection holding the passages; created by wenda index if missing."),
          Setting.integer("solr.shards", 2, 1, 1024, "Shards of a collection wenda index creates."),
          Setting.integer(
              "solr.replicas",
              2,
              1,
              16,
              "Replicas of each shard of a collection wenda index creates (2: one node may fail)."),
          Setting.integer(
              "solr.timeout-seconds",
              30,
              1,
              600,
              "Longest wait for ZooKeeper or Solr: connecting, each request, collection creation."),
          Setting.integer(
              "solr.batch-size",
              200,
              1,
              10000,
              "Passages sent to Solr per update request while indexing."),
          Setting.path(
              "solr.configset",
              "config/solr/wenda/conf",
              "Configset uploaded when wenda index creates the collection."),
          Setting.integer(
              "chunk.max-chars",
              300,
              100,
              2000,
              "Maximum passage length in characters (bge-small-zh degrades above ~500 tokens)."),
          Setting.integer(
              "chunk.overlap-chars",
              0,
              0,
              1000,
              "Characters of whole sentences repeated from the previous passage; below max-chars."),
          Setting.bool(
              "embedding.query-prefix", false, "Prepend BAAI's retrieval instruction to queries."),
          Setting.integer(
              "embedding.batch-size", 16, 1, 256, "Passages embedded per call to the model."),
          Setting.choice(
              "search.mode",
              "hybrid",
              List.of("hybrid", "bm25", "vector"),
              "Retrieval method: BM25 and vectors fused, or either alone."),
          Setting.integer("search.k", 5, 1, Query.MAX_K, "Passages returned."),
          Setting.integer(
              "search.candidates",
              50,
              1,
              1000,
              "Passages taken from each of BM25 and vector search before fusion."),
          Setting.choice(
              "search.fusion",
              "adaptive",
              List.of("rrf", "weighted", "adaptive"),
              "Reciprocal-rank fusion, weighted min-max-normalised scores, or the same with a BM25 share per question (lower when BM25 matched little of it)."),
          Setting.integer(
              "search.rrf-k",
              60,
              1,
              1000,
              "Reciprocal-rank fusion constant: larger flattens the advantage of top ranks."),
          Setting.decimal(
              "search.bm25-weight",
              0.8,
              0.0,
              1.0,
              "Share of BM25 in fusion (vector search gets the rest); adaptive: the share when BM25 matched the question well."),
          Setting.decimal(
              "search.min-bm25-weight",
              0.5,
              0.0,
              1.0,
              "Adaptive fusion: BM25's share when its best passage holds at most coverage-low of the question's term weight."),
          Setting.decimal(
              "search.coverage-low",
              0.25,
              0.0,
              1.0,
              "Adaptive fusion: term-weight share of the best BM25 passage up to which min-bm25-weight is used."),
          Setting.decimal(
              "search.coverage-ramp",
              0.1,
              0.01,
              1.0,
              "Adaptive fusion: term-weight share above coverage-low over which BM25's share rises linearly to bm25-weight."),
          Setting.bool(
              "search.bigram-field", true, "Also match character bigrams beside smartcn words."),
          Setting.decimal(
              "search.bigram-weight",
              1.0,
              0.0,
              5.0,
              "Weight of a bigram match relative to a smartcn word match."),
          Setting.decimal(
              "search.sentence-weight",
              0.2,
              0.0,
              1.0,
              "Hybrid: added to a candidate's fused score (relative to the best) times the share of the question's term weight its best sentence holds; 0: off."),
          Setting.integer(
              "search.sentence-depth",
              10,
              0,
              100,
              "Hybrid: fused candidates whose sentences are read for sentence-weight, from the top."),
          Setting.choice(
              "answer.mode",
              "extractive",
              List.of("extractive", "llm"),
              "Quote the passages (offline), or have the configured LLM summarise them."),
          Setting.integer(
              "answer.max-sentences", 3, 1, 10, "Most sentences an extractive answer quotes."),
          Setting.integer(
              "answer.max-chars", 300, 50, 2000, "Most characters an extractive answer quotes."),
          Setting.integer(
              "answer.passages",
              10,
              1,
              20,
              "Top passages whose sentences an answer is chosen from (searched even when search.k is smaller)."),
          Setting.decimal(
              "answer.min-coverage",
              0.6,
              0.0,
              1.0,
              "Decline unless a top passage holds this idf-weighted share of the question's words..."),
          Setting.decimal(
              "answer.min-similarity",
              0.74,
              0.0,
              1.0,
              "...or a top passage's vector score ((1+cos)/2) reaches this."),
          Setting.integer(
              "answer.passages-checked",
              3,
              1,
              20,
              "Top passages the two thresholds above look at (calibrated together with them)."),
          Setting.integer(
              "answer.related-shown",
              3,
              0,
              10,
              "Passages offered as possibly related when the documents do not answer a question (0: none)."),
          Setting.integer(
              "answer.max-question-chars",
              1000,
              10,
              100000,
              "Longer questions are cut, with a note."),
          Setting.choice(
              "llm.provider",
              "openai",
              List.of("openai", "ollama"),
              "openai: any OpenAI-compatible server (DeepSeek, Qwen, vLLM, llama.cpp, LM Studio); ollama: Ollama."),
          Setting.string(
              "llm.base-url",
              "",
              "Server URL; empty: https://api.openai.com/v1 (openai) or http://localhost:11434 (ollama)."),
          Setting.string(
              "llm.model",
              "",
              "Model name, e.g. deepseek-chat or qwen2.5:7b; required when answer.mode is llm."),
          Setting.string(
              "llm.api-key-env",
              "OPENAI_API_KEY",
              "Name of the environment variable holding the API key (never the key itself)."),
          Setting.decimal(
              "llm.temperature",
              0.2,
              0.0,
              2.0,
              "Sampling temperature; low keeps answers close to the passages."),
          Setting.integer(
              "llm.timeout-seconds",
              30,
              1,
              600,
              "Longest wait for a reply (streaming: for each token); then the answer is extractive."),
          Setting.integer(
              "llm.passages", 5, 1, 20, "Top passages put in the prompt, numbered for citation."),
          Setting.choice(
              "llm.unsupported",
              "mark",
              List.of("mark", "remove"),
              "What to do with a sentence its cited passage does not support."),
          Setting.decimal(
              "llm.min-support",
              0.6,
              0.0,
              1.0,
              "Least rarity-weighted share of a claim's content words its supporting passage sentences must contain."),
          Setting.bool(
              "llm.ollama-sends-key",
              false,
              "Send the API key to an Ollama server too (only for a proxy in front of it that needs one)."),
          Setting.bool(
              "llm.stream",
              true,
              "Stream the reply token by token where the provider supports it."),
          Setting.bool(
              "llm.rewrite-questions",
              true,
              "Have the LLM make follow-ups standalone and translate non-Chinese questions for search."),
          Setting.integer(
              "conversation.max-turns",
              5,
              0,
              50,
              "Exchanges remembered per conversation for follow-up questions (0: none)."),
          Setting.integer(
              "conversation.follow-up-max-chars",
              8,
              0,
              100,
              "Questions this short are treated as follow-ups of the previous one."),
          Setting.string(
              "telegram.api-url",
              "https://api.telegram.org",
              "Bot API server: the public one, or a self-hosted telegram-bot-api (scheme, host, optional port)."),
          Setting.bool(
              "telegram.test-environment",
              false,
              "Use Telegram's test environment (adds /test to every call)."),
          Setting.string(
              "telegram.allowed-chats",
              "",
              "Comma-separated chat ids allowed to ask (groups are negative); empty with allowed-users empty: everyone."),
          Setting.string(
              "telegram.allowed-users",
              "",
              "Comma-separated user ids allowed to ask in any chat; empty with allowed-chats empty: everyone."),
          Setting.integer(
              "telegram.rate-limit-per-minute",
              10,
              1,
              1000,
              "Questions one chat may ask per minute."),
          Setting.integer(
              "telegram.max-question-chars",
              500,
              10,
              4096,
              "Longer questions are refused with a friendly reply."),
          Setting.integer(
              "telegram.workers",
              8,
              1,
              256,
              "Questions answered at once (each chat's questions in order)."),
          Setting.integer(
              "telegram.shutdown-seconds",
              20,
              1,
              600,
              "On stop, how long answers in flight may take to finish."),
          Setting.integer(
              "telegram.poll-timeout-seconds", 50, 1, 100, "Long-polling timeout of getUpdates."),
          Setting.integer(
              "telegram.max-queued",
              1000,
              1,
              100_000,
              "Questions waiting for a worker in all chats; beyond it a new one gets a busy reply."),
          Setting.integer(
              "telegram.max-queued-per-chat",
              20,
              1,
              1000,
              "Questions one chat may have waiting; beyond it a new one gets a busy reply."),
          Setting.integer(
              "telegram.max-conversations",
              10_000,
              1,
              1_000_000,
              "Chats whose conversation is remembered for follow-ups; the least recently active forgets first."),
          Setting.integer(
              "telegram.remembered-answers",
              5000,
              1,
              1_000_000,
              "Recent answers whose buttons (full passage, more results, votes) still work; older ones say so."));

  private static final Map<String, Setting> BY_KEY = new LinkedHashMap<>();
  private static final Map<String, Setting> BY_ENV_NAME = new HashMap<>();

  static {
    for (Setting setting : ALL) {
      if (BY_KEY.put(setting.key(), setting) != null) {
        throw new IllegalStateException("setting listed twice: " + setting.key());
      }
      // search.rrf-k and search.rrf.k would both be WENDA_SEARCH_RRF_K.
      Setting clash = BY_ENV_NAME.put(setting.envName(), setting);
      if (clash != null) {
        throw new IllegalStateException(
            setting.key()
                + " and "
                + clash.key()
                + " share the environment variable "
                + setting.envName());
      }
    }
    for (Setting setting : ALL) {
      // A key that is also a section ("search" and "search.k") could not be written in YAML.
      if (isSection(setting.key())) {
        throw new IllegalStateException(setting.key() + " is both a setting and a section");
      }
    }
  }

  private SettingsSchema() {}

  /** The setting with this exact key, if there is one. */
  public static Optional<Setting> find(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The setting whose {@link Setting#envName()} is {@code variable}, if there is one. */
  public static Optional<Setting> findByEnvName(String variable) {
    return Optional.ofNullable(BY_ENV_NAME.get(variable));
  }

  /** Whether {@code prefix} is a section, i.e. some key starts with {@code prefix + "."}. */
  public static boolean isSection(String prefix) {
    String start = prefix + ".";
    return ALL.stream().anyMatch(s -> s.key().startsWith(start));
  }

  /**
   * Checks rules that involve more than one key, after each value passed its own checks.
   *
   * @throws ConfigException naming the first key that breaks a rule
   */
  static void checkRelations(Config config) {
    lessThan(config, "chunk.overlap-chars", "chunk.max-chars");
    String collection = config.string("solr.collection");
    if (!SolrSettings.COLLECTION_NAME.matcher(collection).matches()) {
      throw new ConfigException(
          "solr.collection",
          collection,
          "solr.collection must be letters, digits, '_', '.' or '-'"
              + " (not starting with '.' or '-'), but is: "
              + RawValue.quote(collection)
              + " ("
              + config.source("solr.collection")
              + ")");
    }
    if (config.choice("retrieval.backend").equals("solr")
        && config.string("solr.zk-hosts").isBlank() == config.string("solr.urls").isBlank()) {
      throw new ConfigException(
          "solr.zk-hosts",
          "retrieval.backend is solr ("
              + config.source("retrieval.backend")
              + "), so set exactly one of solr.zk-hosts and solr.urls, but zk-hosts is "
              + RawValue.quote(config.string("solr.zk-hosts"))
              + " ("
              + config.source("solr.zk-hosts")
              + ") and urls is "
              + RawValue.quote(config.string("solr.urls"))
              + " ("
              + config.source("solr.urls")
              + ")");
    }
  }

  private static void lessThan(Config config, String smallerKey, String largerKey) {
    int smaller = config.integer(smallerKey);
    int larger = config.integer(largerKey);
    if (smaller >= larger) {
      throw new ConfigException(
          smallerKey,
          Integer.toString(smaller),
          smallerKey
              + " must be less than "
              + largerKey
              + " ("
              + larger
              + ", "
              + config.source(largerKey)
              + "), but is: "
              + smaller
              + " ("
              + config.source(smallerKey)
              + ")");
    }
  }
}
