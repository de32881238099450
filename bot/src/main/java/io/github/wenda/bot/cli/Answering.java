package io.github.wenda.bot.cli;

import io.github.wenda.bot.answer.AnswerComposer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.ExtractiveComposer;
import io.github.wenda.bot.answer.Neighbours;
import io.github.wenda.bot.answer.NoAnswerPolicy;
import io.github.wenda.bot.answer.SmallTalk;
import io.github.wenda.bot.answer.llm.ChatModels;
import io.github.wenda.bot.answer.llm.LlmComposer;
import io.github.wenda.bot.answer.llm.LlmQueryRewriter;
import io.github.wenda.bot.answer.llm.LlmSettings;
import io.github.wenda.bot.config.Config;
import io.github.wenda.bot.config.ConfigException;
import io.github.wenda.bot.conversation.FollowUpMerger;
import io.github.wenda.bot.conversation.QueryRewriter;
import io.github.wenda.bot.question.Aliases;
import io.github.wenda.bot.question.QuestionAnalyzer;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.embed.BgeSmallZhEmbedder;
import io.github.wenda.retrieval.embed.CachingEmbedder;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the answer pipelines from settings: extractive always, an LLM one when a model is
 * configured.
 */
final class Answering {
  static final String EXTRACTIVE = "extractive";
  static final String LLM = "llm";

  private Answering() {}

  /** The pipeline {@code answer.mode} asks for; llm without a model is a configuration error. */
  static AnswerService service(Launch launch, Retrieval retrieval, Embedder embedder) {
    return modes(launch, retrieval, embedder).get(configuredMode(launch));
  }

  /** {@code answer.mode}, checked: llm needs a model. */
  static String configuredMode(Launch launch) {
    String mode = launch.config().choice("answer.mode");
    if (LLM.equals(mode) && llmSettings(launch).isEmpty()) {
      throw new ConfigException(
          "llm.model",
          "answer.mode is llm, so llm.model must name a model (e.g. --set llm.model=qwen2.5:7b)");
    }
    return mode;
  }

  /** Every pipeline that can run with these settings, by name, extractive first. */
  static Map<String, AnswerService> modes(Launch launch, Retrieval retrieval, Embedder embedder) {
    Config c = launch.config();
    List<Passage> passages = retrieval.passages();
    QuestionAnalyzer analyzer =
        new QuestionAnalyzer(
            new QueryAnalyzer(), Aliases.mine(passages.stream().map(Passage::text).toList()));
    AnswerComposer extractive =
        new ExtractiveComposer(
            analyzer,
            retrieval::idf,
            launch.settings().bind(ExtractiveComposer.Limits.class, "answer"),
            neighbours(passages));
    NoAnswerPolicy policy = policy(launch);
    AnswerService.Settings settings =
        new AnswerService.Settings(
            launch.retrieval().search().k(),
            launch.retrieval().search().mode(),
            c.integer("answer.max-question-chars"),
            c.integer("answer.related-shown"),
            c.integer("answer.passages"));
    SmallTalk smallTalk = new SmallTalk(topics(retrieval));
    Map<String, AnswerService> modes = new LinkedHashMap<>();
    QueryRewriter offline = rewriter(launch, retrieval);
    modes.put(
        EXTRACTIVE,
        new AnswerService(
            retrieval,
            analyzer,
            retrieval::idf,
            policy,
            extractive,
            offline,
            false,
            settings,
            smallTalk));
    llmSettings(launch)
        .ifPresent(
            llm -> {
              AnswerComposer composer =
                  LlmComposer.create(
                      llm,
                      extractive,
                      io.github.wenda.bot.answer.llm.Vocabulary.fromIdf(retrieval::idf));
              boolean rewrite = c.bool("llm.rewrite-questions");
              // Rewriting is one short call before search; it gets a third of the answer's time.
              QueryRewriter rewriter =
                  rewrite
                      ? new LlmQueryRewriter(
                          ChatModels.chat(llm),
                          llm,
                          llm.timeout().dividedBy(3).plusSeconds(1),
                          offline)
                      : offline;
              modes.put(
                  LLM,
                  new AnswerService(
                      retrieval,
                      analyzer,
                      retrieval::idf,
                      policy,
                      composer,
                      rewriter,
                      rewrite,
                      settings,
                      smallTalk));
            });
    return modes;
  }

  /**
   * The passage after each passage of the same document, for lists that run past a passage's end.
   */
  static Neighbours neighbours(List<Passage> passages) {
    Map<String, Passage> byId = new HashMap<>();
    passages.forEach(p -> byId.put(p.id(), p));
    return p -> Optional.ofNullable(byId.get(p.docId() + "#" + (p.ordinal() + 1)));
  }

  /** The document titles, as small talk names them. */
  static String topics(Retrieval retrieval) {
    return retrieval.corpus().documents().stream()
        .map(d -> "《" + d.title() + "》")
        .distinct()
        .limit(5)
        .collect(java.util.stream.Collectors.joining("、"));
  }

  /**
   * When to decline: {@code answer.min-coverage} and {@code answer.min-similarity} over {@code
   * answer.passages-checked}.
   */
  static NoAnswerPolicy policy(Launch launch) {
    return launch.settings().bind(NoAnswerPolicy.class, "answer");
  }

  /** The LLM settings when a model is configured. */
  static Optional<LlmSettings> llmSettings(Launch launch) {
    Config c = launch.config();
    if (c.string("llm.model").isBlank()) {
      return Optional.empty();
    }
    LlmSettings.Provider provider = LlmSettings.Provider.parse(c.choice("llm.provider"));
    String url = c.string("llm.base-url");
    if (url.isBlank()) {
      url =
          provider == LlmSettings.Provider.OLLAMA
              ? "http://localhost:11434"
              : "https://api.openai.com/v1";
    }
    // An Ollama server takes no key; sending the OpenAI key there would hand it to whoever runs it.
    String key =
        provider == LlmSettings.Provider.OLLAMA && !c.bool("llm.ollama-sends-key")
            ? ""
            : launch.llmApiKey().reveal();
    try {
      return Optional.of(
          new LlmSettings(
              provider,
              url,
              c.string("llm.model"),
              c.decimal("llm.temperature"),
              Duration.ofSeconds(c.integer("llm.timeout-seconds")),
              key,
              c.integer("llm.passages"),
              LlmSettings.UnsupportedPolicy.parse(c.choice("llm.unsupported")),
              c.decimal("llm.min-support"),
              c.bool("llm.stream")));
    } catch (IllegalArgumentException e) {
      throw ConfigException.withoutKey(e.getMessage());
    }
  }

  static QueryRewriter rewriter(Launch launch) {
    return new FollowUpMerger(
        new QueryAnalyzer(), launch.config().integer("conversation.follow-up-max-chars"));
  }

  /**
   * The offline follow-up rules, knowing which words the corpus uses (so off-topic questions stay
   * apart).
   */
  static FollowUpMerger rewriter(Launch launch, Retrieval retrieval) {
    io.github.wenda.bot.answer.llm.Vocabulary vocabulary =
        io.github.wenda.bot.answer.llm.Vocabulary.fromIdf(retrieval::idf);
    return new FollowUpMerger(
        new QueryAnalyzer(),
        launch.config().integer("conversation.follow-up-max-chars"),
        w -> vocabulary.rarity(w) < 1.0);
  }

  /**
   * The model, with a small cache for questions asked again (the same question from several chats,
   * a question retried): answering embeds each question once, so nothing else hits it.
   */
  static Embedder embedder() {
    return new CachingEmbedder(BgeSmallZhEmbedder.shared(), 256);
  }
}
