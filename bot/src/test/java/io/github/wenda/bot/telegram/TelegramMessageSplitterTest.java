package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramMessageSplitterTest {
  private final MessageSplitter splitter = new MessageSplitter(300);

  private static void assertValid(List<String> parts, int limit) {
    for (String p : parts) {
      assertThat(p.length()).as(p).isLessThanOrEqualTo(limit);
      assertThat(HtmlCheck.problem(p)).as(p).isNull();
    }
  }

  @Test
  void short_html_is_one_part() {
    assertThat(splitter.split("<b>hi</b> &amp; bye")).containsExactly("<b>hi</b> &amp; bye");
  }

  @Test
  void splits_at_paragraphs_when_it_can() {
    String para = "这是一个段落，里面有一些文字。".repeat(6); // 90 chars
    String html = String.join("\n\n", para, para, para, para, para);
    List<String> parts = splitter.split(html);
    assertValid(parts, 300);
    assertThat(parts).hasSize(2).allMatch(p -> p.endsWith("。"));
    assertThat(String.join("\n\n", parts)).isEqualTo(html);
  }

  @Test
  void an_open_blockquote_is_closed_and_reopened_with_its_attributes() {
    String html =
        "<b>Sources</b>\n<blockquote expandable>"
            + "句子很长，有实体&amp;和<b>粗体</b>。".repeat(30)
            + "</blockquote>";
    List<String> parts = splitter.split(html);
    assertValid(parts, 300);
    assertThat(parts.size()).isGreaterThan(2);
    assertThat(parts.subList(1, parts.size()))
        .allMatch(p -> p.startsWith("<blockquote expandable>"));
    assertThat(
            String.join("", parts)
                .replace("</blockquote><blockquote expandable>", "")
                .replace("\n", ""))
        .isEqualTo(html.replace("\n", ""));
  }

  @Test
  void never_cuts_inside_an_entity_or_a_surrogate_pair_even_without_spaces() {
    String html = "&lt;😀&gt;".repeat(100);
    List<String> parts = splitter.split(html);
    assertValid(parts, 300);
    assertThat(String.join("", parts)).isEqualTo(html);
    assertThat(parts).allMatch(p -> p.startsWith("&lt;") && p.endsWith("&gt;"));
  }

  @Test
  void real_limit_parts_for_a_huge_answer() {
    String html = ("Sentence number one is here. " + "<i>italic &amp; fine</i> ").repeat(800);
    List<String> parts = new MessageSplitter().split(html);
    assertValid(parts, 4096);
    assertThat(parts.size()).isGreaterThan(5);
  }
}
