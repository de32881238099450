package io.github.wenda.bot.cli;

import io.github.wenda.bot.answer.AnswerComposer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.ExtractiveComposer;
import io.github.wenda.bot.answer.NoAnswerPolicy;
import io.github.wenda.bot.answer.QueryRewriter;
import io.github.wenda.bot.config.Config;
import io.github.wenda.bot.conversation.FollowUpMerger;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.index.BgeSmallZhEmbedder;
import io.github.wenda.retrieval.index.CachingEmbedder;
import io.github.wenda.retrieval.index.Embedder;
import io.github.wenda.retrieval.search.QueryAnalyzer;

/** Builds the answer pipeline from settings: extractive by default, an LLM when configured. */
final class Answering {
  private Answering() {}

  static AnswerService service(Launch launch, Retrieval retrieval, Embedder embedder) {
    Config c = launch.config();
    QueryAnalyzer analyzer = new QueryAnalyzer();
    AnswerComposer extractive = new ExtractiveComposer(
        analyzer, retrieval.index()::idf, c.bool("answer.sentence-embeddings") ? embedder : null,
        new ExtractiveComposer.Limits(c.integer("answer.max-sentences"), c.integer("answer.max-chars"), c.integer("answer.passages")));
    NoAnswerPolicy policy = new NoAnswerPolicy(c.decimal("answer.min-coverage"), c.decimal("answer.min-similarity"), 3);
    QueryRewriter rewriter = rewriter(launch);
    AnswerService.Settings settings = new AnswerService.Settings(
        launch.retrieval().search().k(), launch.retrieval().search().mode(), c.integer("answer.max-question-chars"), 3);
    return new AnswerService(retrieval, analyzer, retrieval.index()::idf, policy, extractive, rewriter, false, settings);
  }

  static QueryRewriter rewriter(Launch launch) {
    return new FollowUpMerger(new QueryAnalyzer(), launch.config().integer("conversation.follow-up-max-chars"));
  }

  /** The model, with a small cache: answer composition re-embeds the question search just embedded. */
  static Embedder embedder() {
    return new CachingEmbedder(new BgeSmallZhEmbedder(), 256);
  }
}
