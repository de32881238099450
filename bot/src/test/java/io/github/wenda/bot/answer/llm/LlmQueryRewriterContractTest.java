package io.github.wenda.bot.answer.llm;

import io.github.wenda.bot.answer.llm.FakeLlmServer.Script;
import io.github.wenda.bot.answer.llm.LlmSettings.Provider;
import io.github.wenda.bot.conversation.FollowUpMerger;
import io.github.wenda.bot.conversation.QueryRewriter;
import io.github.wenda.bot.conversation.QueryRewriterContract;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/**
 * The rewriter contract for the LLM rewriter with a real LangChain4j client against the fake
 * OpenAI-compatible server; unscripted requests fail, so the offline rules it falls back to answer.
 */
class LlmQueryRewriterContractTest extends QueryRewriterContract {
  private final FakeLlmServer server = FakeLlmServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  protected QueryRewriter rewriter() {
    LlmSettings s = Fixtures.settings(Provider.OPENAI, server.openAiBaseUrl());
    QueryRewriter offline = new FollowUpMerger(new QueryAnalyzer(), 8);
    return new LlmQueryRewriter(ChatModels.chat(s), s, Duration.ofSeconds(2), offline);
  }

  @Override
  protected void modelWillReply(String reply) {
    server.then(Script.reply(reply));
  }
}
