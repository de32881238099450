package io.github.wenda.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationNamesCopiesTest {
  @Test
  void a_citation_names_every_document_that_carries_the_quoted_text_and_quotes_it_verbatim() {
    String text = "上合组织农业合作示范区设在陕西杨凌，（2019年）成立。";
    Passage html =
        new Passage("manual-html", "用户手册（网页版）", "第1章", SegmentKind.BODY, 0, 0, text.length(), text);
    Passage pdf =
        new Passage("manual-pdf", "用户手册（PDF）", "第1章", SegmentKind.BODY, 3, 0, text.length(), text);
    Hit hit = new Hit(1, html, new ScoreDetails(1, 1, 1, 1, 1), List.of(pdf));
    Answer a =
        Answer.found(
            "根据文档：\n" + text + "[1]", List.of(new Citation(1, hit, List.of("杨凌"))), List.of());

    String out = new PlainTextRenderer(TextStyle.PLAIN).render(a, Language.CHINESE, false);

    assertThat(out).contains("[1] 用户手册（网页版） · 第1章").contains("= 用户手册（PDF） · 第1章");
    assertThat(out).contains("上合组织农业合作示范区设在陕西【杨凌】，（2019年）成立。");
  }
}
