package io.github.wenda.bot.answer.llm;

import static io.github.wenda.bot.answer.llm.Fixtures.HITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.SentenceCheck;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import org.junit.jupiter.api.Test;

/**
 * Claim-level checking: uncited sentences, declines, source phrases, ranges, cut-offs, numbers,
 * negation.
 */
class ClaimCheckTest {
  private final CitationChecker mark =
      new CitationChecker(UnsupportedPolicy.MARK, 0.6, Fixtures.VOCABULARY);

  @Test
  void uncited_sentences_are_checked_against_all_passages_and_shown_as_uncited() {
    // when
    CheckedReply r =
        mark.check("自贸区于2010年1月1日全面建成[1]。上海合作组织于2001年6月15日在上海成立。我认为这在1990年就开始了。", HITS, "zh");

    // then
    assertThat(r.text())
        .isEqualTo(
            "自贸区于2010年1月1日全面建成[1]。上海合作组织于2001年6月15日在上海成立。（未注明出处）" + "我认为这在1990年就开始了。（未经文献证实）");
    assertThat(r.sentences())
        .extracting(SentenceCheck::supported)
        .containsExactly(true, true, false);
    assertThat(r.sentences().get(1).citations()).isEmpty();
    assertThat(r.sentences().get(1).reason()).startsWith("uncited; supported by [3]");
    assertThat(r.citations()).extracting(Citation::n).containsExactly(1, 3);
  }

  @Test
  void reply_saying_the_passages_do_not_answer_is_a_decline() {
    // when
    CheckedReply r = mark.check("文献中没有相关信息。", HITS, "zh");

    // then
    assertThat(r.declined()).isTrue();
    assertThat(r.outcome()).isEqualTo(CheckedReply.Outcome.NOT_FOUND);
  }

  @Test
  void english_sentence_without_a_source_phrase_is_unsupported_and_with_one_is_checked_verbatim() {
    // when
    CheckedReply r =
        mark.check(
            "The free trade area was fully completed on 1 January 2010 [1]. "
                + "It was completed on 1 January 2010 「于2010年1月1日全面建成」[1]. "
                + "It was completed on 1 January 2011 「于2010年1月1日全面建成」[1]. "
                + "It has 19 members 「自贸区涵盖19个国家」[1].",
            HITS,
            "en");

    // then
    assertThat(r.sentences())
        .extracting(SentenceCheck::supported)
        .containsExactly(false, true, false, false);
    assertThat(r.sentences().get(2).reason()).contains("2011");
    assertThat(r.sentences().get(3).reason()).contains("「自贸区涵盖19个国家」 is not in [1]");
  }

  @Test
  void citation_ranges_and_lists_are_expanded() {
    // when
    CheckedReply r = mark.check("自贸区于2010年1月1日全面建成[1-2]。中国与东盟于2002年11月签署框架协议[2，1]。", HITS, "zh");

    // then
    assertThat(r.text()).isEqualTo("自贸区于2010年1月1日全面建成[1][2]。中国与东盟于2002年11月签署框架协议[2][1]。");
    assertThat(r.unsupportedSentences()).isZero();
  }

  @Test
  void cut_off_last_sentence_is_not_shown() {
    // when
    CheckedReply r = mark.check("自贸区于2010年1月1日全面建成[1]。2002年11月，中国与东盟签", HITS, "zh");

    // then
    assertThat(r.cut()).isTrue();
    assertThat(r.text()).isEqualTo("自贸区于2010年1月1日全面建成[1]。");
    assertThat(r.sentences()).last().extracting(SentenceCheck::supported).isEqualTo(false);
  }

  @Test
  void chinese_numerals_dates_and_percentages_are_compared_as_numbers() {
    assertThat(Numbers.in("三十五个成员")).containsExactly("35");
    assertThat(Numbers.in("二〇〇一年六月十五日")).containsExactly("2001", "6", "15");
    assertThat(Numbers.in("2001-06-15")).containsExactly("2001", "6", "15");
    assertThat(Numbers.in("June 15, 2001")).containsExactly("6", "15", "2001");
    assertThat(Numbers.in("百分之三十")).containsExactly("30%");
    assertThat(Numbers.in("thirty-five members, 30 per cent")).containsExactly("35", "30%");
    assertThat(Numbers.in("十九亿")).isEqualTo(Numbers.in("19亿"));
    assertThat(Numbers.in("统一进一步")).isEmpty();
  }

  @Test
  void negation_missing_from_the_source_flags_the_claim() {
    // when
    CheckedReply r = mark.check("上海合作组织并非在上海成立[3]。", HITS, "zh");

    // then
    assertThat(r.sentences().get(0).supported()).isFalse();
    assertThat(r.sentences().get(0).reason()).contains("negation");
  }

  @Test
  void passage_titles_are_not_support() {
    // when: every word is in passage 1's title, none in its text
    CheckedReply r = mark.check("中国—东盟自由贸易区概况[3]。", HITS, "zh");

    // then
    assertThat(r.sentences().get(0).supported()).isFalse();
  }
}
