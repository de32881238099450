package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.cli.TestLaunch;
import io.github.wenda.retrieval.eval.QuestionFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The offline answers over the shipped question set, with the shipped config and the real model:
 * fails when answers stop containing the expected facts, when answerable questions get declined,
 * or when off-topic ones get answered. Floors sit a little under the measured values (README).
 */
class AnswerQualityRegressionTest {
  @Test
  void offline_answers_contain_the_expected_facts_and_decline_off_topic_questions() throws Exception {
    AnswerQuality.Report r = TestLaunch.withShippedConfig(
        (service, retrieval) -> new AnswerQuality(service, retrieval, 5, retrieval.settings().search().mode())
            .run(QuestionFile.read(Path.of("..", "corpus", "questions.jsonl"))));
    System.out.printf("answers: contains %d/%d, declined answerable %d, declined unanswerable %d/%d, compose p50 %.1f ms%n",
        r.containsExpected(), r.answerable(), r.declinedAnswerable(), r.declinedUnanswerable(), r.unanswerable(), r.composeP50Ms());
    assertThat(r.containsRate()).as("answers containing the expected string").isGreaterThanOrEqualTo(0.90);
    assertThat(r.falseDeclineRate()).as("answerable questions declined").isLessThanOrEqualTo(0.03);
    assertThat(r.declinedUnanswerable()).as("unanswerable questions declined").isGreaterThanOrEqualTo(6);
  }
}
