package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.search.Hit;
import io.github.wenda.retrieval.search.QueryAnalyzer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveComposerTest {
  private final ExtractiveComposer composer =
      new ExtractiveComposer(new QueryAnalyzer(), w -> 1.0, null, new ExtractiveComposer.Limits(3, 300, 3));

  private Answer compose(String question, List<Hit> hits) {
    return composer.compose(AnswerRequest.of(question), hits, TokenSink.NONE);
  }

  @Test
  void quotes_the_answering_sentence_verbatim_with_a_citation() {
    List<Hit> hits = Hits.of(
        "上合组织的宗旨是加强成员国之间的相互信任。2001年6月15日,上合组织在中国上海宣告成立。这是一件大事。",
        "秘书处设在北京。");
    Answer a = compose("上合组织是哪年成立的？", hits);
    assertThat(a.found()).isTrue();
    assertThat(a.text()).startsWith(ExtractiveComposer.LEAD_IN_ZH).contains("2001年6月15日,上合组织在中国上海宣告成立。[1]");
    assertThat(a.citations()).extracting(Citation::n).containsExactly(1);
    assertThat(a.citations().get(0).hit()).isSameAs(hits.get(0));
    assertThat(a.citations().get(0).matchedTerms()).contains("成立");
  }

  @Test
  void every_quoted_sentence_appears_verbatim_in_its_cited_passage() {
    List<Hit> hits = Hits.of(
        "上海精神的内涵是互信、互利、平等、协商。它体现了新型国际关系的理念。",
        "上海精神是上合组织的灵魂。上合组织坚持上海精神。");
    Answer a = compose("什么是上海精神？", hits);
    String body = a.text().substring(ExtractiveComposer.LEAD_IN_ZH.length());
    for (String line : body.strip().split("\n")) {
      int n = Integer.parseInt(line.substring(line.lastIndexOf('[') + 1, line.length() - 1));
      String quote = line.substring(0, line.lastIndexOf('['));
      String passage = a.citations().get(n - 1).passage().text();
      for (String piece : quote.split("……")) {
        assertThat(passage).contains(piece);
      }
    }
  }

  @Test
  void a_sentence_that_refers_back_brings_the_sentence_with_its_subject() {
    List<Hit> hits = Hits.of("独联体是由前苏联国家组成的组织。它与上合组织于2005年签署了谅解备忘录。");
    Answer a = compose("独联体什么时候签署谅解备忘录", hits);
    assertThat(a.text()).contains("独联体是由前苏联国家组成的组织。它与上合组织于2005年签署了谅解备忘录。[1]");
  }

  @Test
  void answers_in_english_get_the_english_lead_in_and_stay_verbatim() {
    Answer a = composer.compose(AnswerRequest.of("When was the SCO founded 成立?"), Hits.of("上合组织成立于2001年。"), TokenSink.NONE);
    assertThat(a.text()).startsWith(ExtractiveComposer.LEAD_IN_EN).contains("上合组织成立于2001年。[1]");
  }

  @Test
  void respects_the_sentence_limit_and_streams_the_text_once() {
    List<String> tokens = new ArrayList<>();
    String text = "上合组织合作一。上合组织合作二。上合组织合作三。上合组织合作四。上合组织合作五。";
    Answer a = composer.compose(AnswerRequest.of("上合组织合作"), Hits.of(text), tokens::add);
    assertThat(a.text().chars().filter(c -> c == '。').count()).isLessThanOrEqualTo(3);
    assertThat(tokens).containsExactly(a.text());
  }

  @Test
  void no_hits_is_not_found() {
    assertThat(compose("任何问题", List.of()).found()).isFalse();
  }

  @Test
  void a_date_question_prefers_the_sentence_with_a_date() {
    List<Hit> hits = Hits.of("上合组织成立以来发展迅速。上合组织成立于2001年6月15日。");
    assertThat(compose("上合组织什么时候成立", hits).text()).contains("2001年6月15日");
  }
}
