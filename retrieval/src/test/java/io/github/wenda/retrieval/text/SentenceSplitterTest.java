package io.github.wenda.retrieval.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {
  private final SentenceSplitter splitter = new SentenceSplitter();

  @Test
  void splits_at_chinese_and_ascii_terminators() {
    assertThat(splitter.sentences("上合组织成立于2001年。它有九个成员国;还有观察员国!对吗?"))
        .containsExactly("上合组织成立于2001年。", "它有九个成员国;", "还有观察员国!", "对吗?");
  }

  @Test
  void keeps_closing_quotes_with_their_sentence() {
    assertThat(splitter.sentences("他说:“坚持上海精神。”随后会议闭幕。"))
        .containsExactly("他说:“坚持上海精神。”", "随后会议闭幕。");
  }

  @Test
  void does_not_split_at_ascii_full_stops_in_numbers_and_urls() {
    assertThat(splitter.sentences("增长了3.5%,见https://news.un.org/zh。"))
        .containsExactly("增长了3.5%,见https://news.un.org/zh。");
  }

  @Test
  void keeps_runs_of_terminators_together_and_trailing_text() {
    assertThat(splitter.sentences("真的吗?!没有结尾的句子")).containsExactly("真的吗?!", "没有结尾的句子");
  }

  @Test
  void splits_at_line_breaks_and_drops_blank_text() {
    assertThat(splitter.sentences("第一段\n\n  第二段。 ")).containsExactly("第一段", "第二段。");
    assertThat(splitter.sentences("   ")).isEmpty();
  }

  @Test
  void returns_bounds_within_the_requested_range() {
    String text = "前文。甲句。乙句。后文。";
    var bounds = splitter.split(text, 3, 9);
    assertThat(bounds).hasSize(2);
    assertThat(text.substring(bounds.get(0)[0], bounds.get(0)[1])).isEqualTo("甲句。");
    assertThat(text.substring(bounds.get(1)[0], bounds.get(1)[1])).isEqualTo("乙句。");
  }
}
