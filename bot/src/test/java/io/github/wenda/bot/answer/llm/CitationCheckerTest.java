package io.github.wenda.bot.answer.llm;

import static io.github.wenda.bot.answer.llm.Fixtures.HITS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import org.junit.jupiter.api.Test;

class CitationCheckerTest {
  private final CitationChecker mark =
      new CitationChecker(UnsupportedPolicy.MARK, 0.6, Fixtures.VOCABULARY);
  private final CitationChecker remove =
      new CitationChecker(UnsupportedPolicy.REMOVE, 0.6, Fixtures.VOCABULARY);

  @Test
  void bracketStyles_areNormalisedToSquareMarkers() {
    // when
    CheckedReply r = mark.check("自贸区于2010年1月1日全面建成【1】。2002年11月中国与东盟签署框架协议[2, 1]。", HITS, "zh");

    // then
    assertThat(r.text()).isEqualTo("自贸区于2010年1月1日全面建成[1]。2002年11月中国与东盟签署框架协议[2][1]。");
    assertThat(r.citations()).extracting(Citation::n).containsExactly(1, 2);
    assertThat(r.droppedMarkers()).isZero();
    assertThat(r.unsupportedSentences()).isZero();
  }

  @Test
  void markersNamingNoPassage_areDroppedAndCounted() {
    // when
    CheckedReply r = mark.check("自贸区于2010年1月1日全面建成[1][4]。签署框架协议[0,2,9]。", HITS, "zh");

    // then
    assertThat(r.text()).isEqualTo("自贸区于2010年1月1日全面建成[1]。签署框架协议[2]。");
    assertThat(r.droppedMarkers()).isEqualTo(3);
  }

  @Test
  void droppedMarker_takesItsLeadingSpaceAlong() {
    // when
    CheckedReply r = mark.check("The area was completed in 2010 [1] [5].", HITS, "en");

    // then
    assertThat(r.text()).isEqualTo("The area was completed in 2010 [1]. (unsupported)");
  }

  @Test
  void citationsAreListedInOrderOfFirstUse() {
    // when
    CheckedReply r = mark.check("上海合作组织于2001年成立[3]。自贸区于2010年全面建成[1][3]。", HITS, "zh");

    // then
    assertThat(r.citations()).extracting(Citation::n).containsExactly(3, 1);
    assertThat(r.citations().get(0).hit()).isSameAs(HITS.get(2));
  }

  @Test
  void markerAfterTheFullStop_belongsToThePrecedingSentence() {
    // when
    CheckedReply r = mark.check("上海合作组织于1999年成立。[3] 自贸区于2010年全面建成。[1]", HITS, "zh");

    // then: only the first sentence (wrong year) is marked, after its own marker
    assertThat(r.text()).isEqualTo("上海合作组织于1999年成立。[3]（未经文献证实） 自贸区于2010年全面建成。[1]");
    assertThat(r.unsupportedSentences()).isEqualTo(1);
  }

  @Test
  void sentenceSharingTooFewBigramsWithItsPassage_isMarked() {
    // when: passage 3 is about the SCO, not about tariffs
    CheckedReply r = mark.check("关税将全面降低到零并惠及全体居民[3]。", HITS, "zh");

    // then
    assertThat(r.text()).isEqualTo("关税将全面降低到零并惠及全体居民[3]。（未经文献证实）");
  }

  @Test
  void unsupportedSentence_isRemovedUnderRemovePolicy_andItsCitationGoesWithIt() {
    // when
    CheckedReply r = remove.check("自贸区于2010年1月1日全面建成[1]。\n上海合作组织于1999年成立[3]。", HITS, "zh");

    // then
    assertThat(r.text()).isEqualTo("自贸区于2010年1月1日全面建成[1]。");
    assertThat(r.citations()).extracting(Citation::n).containsExactly(1);
    assertThat(r.unsupportedSentences()).isEqualTo(1);
  }

  @Test
  void fullWidthDigitsAndDecimals_countAsTheSameNumbers() {
    // when
    CheckedReply r = mark.check("自贸区于２０１０年全面建成，人口约19亿[1]。人口约19.5亿[1]。", HITS, "zh");

    // then
    assertThat(r.text()).isEqualTo("自贸区于２０１０年全面建成，人口约19亿[1]。人口约19.5亿[1]。（未经文献证实）");
  }

  @Test
  void listNumbering_isNotTakenForAClaimedNumber() {
    // when
    CheckedReply r = mark.check("7. 上海合作组织于2001年6月15日在上海成立[3]。", HITS, "zh");

    // then
    assertThat(r.unsupportedSentences()).isZero();
  }
}
