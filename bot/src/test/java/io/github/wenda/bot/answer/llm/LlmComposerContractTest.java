package io.github.wenda.bot.answer.llm;

import io.github.wenda.bot.answer.AnswerComposer;
import io.github.wenda.bot.answer.AnswerComposerContract;
import io.github.wenda.bot.answer.ExtractiveComposer;
import io.github.wenda.bot.answer.llm.FakeLlmServer.Script;
import io.github.wenda.bot.answer.llm.LlmSettings.Provider;
import io.github.wenda.bot.question.QuestionAnalyzer;
import org.junit.jupiter.api.AfterEach;

/**
 * The composer contract for the LLM composer, with a real LangChain4j client against the fake
 * OpenAI-compatible server; its extractive mode is the offline composer it falls back to when the
 * model fails.
 */
class LlmComposerContractTest extends AnswerComposerContract {
  private final FakeLlmServer server = FakeLlmServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  protected AnswerComposer composer() {
    AnswerComposer extractive =
        new ExtractiveComposer(
            new QuestionAnalyzer(), w -> 1.0, new ExtractiveComposer.Limits(4, 400, 10));
    LlmSettings settings = Fixtures.settings(Provider.OPENAI, server.openAiBaseUrl());
    return LlmComposer.create(settings, extractive, Fixtures.VOCABULARY);
  }

  @Override
  protected void answerExtractively(int times) {
    for (int i = 0; i < times; i++) {
      server.then(Script.status(500, "{\"error\":{\"message\":\"model overloaded\"}}"));
    }
  }

  @Override
  protected void modelWillReply(String reply) {
    server.then(Script.reply(reply));
  }
}
