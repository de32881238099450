package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.wenda.retrieval.api.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnswerComposer} promises, run against each implementation: it cites only the
 * passages it was given, numbered 1..n in order of use, declines when given none, never throws for
 * a hostile question, and in extractive mode writes nothing but the passages' own characters.
 * Subclasses say how to make their composer answer extractively (the LLM one falls back to the
 * extractive composer when the model fails) and what a model replies otherwise.
 */
public abstract class AnswerComposerContract {
  /** Real sentences of the bundled documents' kind: dates, names, a list, a footnote. */
  protected static final List<Hit> HITS =
      Hits.of(
          "2001年6月15日，上海合作组织在中国上海宣告成立。2004年1月，常设北京的上合组织秘书处正式启动。",
          "上合组织具有鲜明的特色：一是树立新的合作理念；二是开展全方位的多边合作；三是采取自上而下的决策方式。",
          "2007年，时任上海合作组织秘书长努尔加利耶夫与独联体执行委员会主席签署了谅解备忘录。\n\n双方商定了磋商和信息交流机制。",
          "①江泽民：《深化团结协作共创美好世纪》，载《人民日报》，2001年6月26日。");

  private static final List<String> QUESTIONS =
      List.of(
          "上海合作组织是什么时候成立的？",
          "上合组织秘书处设在哪里？什么时候启动的？",
          "上合组织具有哪些鲜明特色？",
          "2007年代表上海合作组织签署备忘录的秘书长是谁？",
          "江泽民的讲话刊登在哪天的《人民日报》上？",
          "Why was the SCO founded?",
          "上合组织");

  private static final Pattern CITATION = Pattern.compile("[\\[【](\\d+)[\\]】]");

  /** The composer under test, built fresh for each test. */
  protected abstract AnswerComposer composer();

  /**
   * Makes the next {@code times} compositions answer extractively; for the LLM composer, the model
   * fails so that its extractive fallback answers.
   */
  protected abstract void answerExtractively(int times);

  /**
   * The next composition's model reply, for composers that have a model; it cites passage 9 and
   * passage 2 of four. Composers without a model ignore it.
   */
  protected abstract void modelWillReply(String reply);

  @Test
  void never_cites_a_passage_it_was_not_given() {
    List<Hit> given = HITS.subList(0, 3);
    modelWillReply("上海合作组织于2001年6月15日成立[9]。秘书处在北京[2]【4】。");
    Answer modelled =
        composer().compose(AnswerRequest.of("上海合作组织是什么时候成立的？"), given, TokenSink.NONE);
    assertThat(modelled.citations()).allSatisfy(c -> assertThat(given).contains(c.hit()));
    answerExtractively(QUESTIONS.size());
    AnswerComposer composer = composer();
    for (String q : QUESTIONS) {
      Answer a = composer.compose(AnswerRequest.of(q), given, TokenSink.NONE);
      assertThat(a.citations())
          .as("citations of %s", q)
          .allSatisfy(c -> assertThat(given).contains(c.hit()));
    }
  }

  @Test
  void every_citation_mark_in_the_text_names_a_listed_citation_numbered_from_one() {
    answerExtractively(QUESTIONS.size());
    AnswerComposer composer = composer();
    for (String q : QUESTIONS) {
      Answer a = composer.compose(AnswerRequest.of(q), HITS, TokenSink.NONE);
      if (!a.found()) {
        continue;
      }
      List<Integer> numbers = a.citations().stream().map(Citation::n).toList();
      for (int i = 0; i < numbers.size(); i++) {
        assertThat(numbers.get(i)).as("citation numbers of %s", q).isEqualTo(i + 1);
      }
      Matcher m = CITATION.matcher(a.text());
      while (m.find()) {
        assertThat(numbers).as("marks in %s", a.text()).contains(Integer.parseInt(m.group(1)));
      }
    }
  }

  @Test
  void never_invents_words_in_extractive_mode() {
    answerExtractively(QUESTIONS.size());
    AnswerComposer composer = composer();
    int answered = 0;
    for (String q : QUESTIONS) {
      Answer a = composer.compose(AnswerRequest.of(q), HITS, TokenSink.NONE);
      if (!a.found()) {
        continue;
      }
      answered++;
      for (String quote : quotes(a.text())) {
        // Whitespace is layout (a paragraph break between two quoted sentences), not a word.
        assertThat(HITS)
            .as("a passage holding \"%s\" (answer to %s)", quote, q)
            .anyMatch(h -> squeeze(h.passage().text()).contains(squeeze(quote)));
      }
    }
    assertThat(answered).as("questions answered").isGreaterThanOrEqualTo(4);
  }

  @Test
  void declines_when_given_no_passage() {
    answerExtractively(1);
    Answer a = composer().compose(AnswerRequest.of("上海合作组织是什么时候成立的？"), List.of(), TokenSink.NONE);
    assertThat(a.found()).isFalse();
    assertThat(a.citations()).isEmpty();
  }

  @Test
  void a_hostile_question_never_throws() {
    List<String> hostile =
        List.of(
            "",
            "？？？",
            "[1][2]【3】",
            "\u0000\uD800",
            "<b>上合</b>".repeat(200),
            "第" + "一".repeat(500) + "次");
    answerExtractively(hostile.size());
    AnswerComposer composer = composer();
    for (String q : hostile) {
      assertThatCode(() -> composer.compose(AnswerRequest.of(q), HITS, TokenSink.NONE))
          .as(q)
          .doesNotThrowAnyException();
    }
  }

  /**
   * The quoted stretches of an answer: its text cut at citation marks, line breaks and the ellipsis
   * joining two stretches, without a list item's number.
   */
  static List<String> quotes(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.replaceFirst("^\\d+\\.\\s", "");
      for (String piece : CITATION.split(l)) {
        for (String q : piece.split("……")) {
          if (!q.isBlank()) {
            out.add(q.strip());
          }
        }
      }
    }
    return out;
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }
}
