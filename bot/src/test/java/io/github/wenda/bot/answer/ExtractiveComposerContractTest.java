package io.github.wenda.bot.answer;

import io.github.wenda.bot.question.QuestionAnalyzer;

/** The composer contract for the offline composer, which always answers extractively. */
class ExtractiveComposerContractTest extends AnswerComposerContract {
  @Override
  protected AnswerComposer composer() {
    return new ExtractiveComposer(
        new QuestionAnalyzer(), w -> 1.0, new ExtractiveComposer.Limits(4, 400, 10));
  }

  @Override
  protected void answerExtractively(int times) {
    // Always extractive.
  }

  @Override
  protected void modelWillReply(String reply) {
    // No model.
  }
}
