package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.cli.TestLaunch;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every answer to the shipped questions quotes the documents in their own punctuation: the bundled
 * corpus writes "，" and "：" between Chinese characters, so an ASCII "," or ":" there would mean the
 * quote was normalised on the way, and Yi-syllable PDF artefacts never show.
 */
class AnswersKeepDocumentPunctuationTest {
  private static final Pattern HALF_WIDTH_BETWEEN_CJK =
      Pattern.compile(
          "[\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF65“”‘’][,:;][\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF65“”‘’]");

  @Test
  void answers_and_citations_to_the_shipped_questions_keep_full_width_punctuation()
      throws Exception {
    List<Question> questions = QuestionFile.read(Path.of("..", "corpus", "questions.jsonl"));
    List<String> offending = new ArrayList<>();
    int[] fullWidth = {0};
    TestLaunch.withShippedConfig(
        (service, retrieval) -> {
          for (Question q : questions) {
            Answer a = service.answer(new Conversation(0), q.question(), TokenSink.NONE);
            List<String> shown = new ArrayList<>(List.of(a.text()));
            a.citations()
                .forEach(c -> shown.add(c.passage().section() + "\n" + c.passage().text()));
            a.related().forEach(h -> shown.add(h.passage().text()));
            for (String s : shown) {
              Matcher m = HALF_WIDTH_BETWEEN_CJK.matcher(s);
              while (m.find()) {
                offending.add(q.id() + ": " + m.group());
              }
              if (s.codePoints().anyMatch(c -> c >= 0xA000 && c <= 0xA48F)) {
                offending.add(q.id() + ": Yi syllable in " + s);
              }
            }
            if (a.found() && a.text().contains("，")) {
              fullWidth[0]++;
            }
          }
          return null;
        });
    assertThat(offending).isEmpty();
    assertThat(fullWidth[0])
        .as("answers quoting a full-width comma")
        .isGreaterThan(questions.size() / 3);
  }
}
