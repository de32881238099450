package io.github.wenda.retrieval.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InlineTextTest {
  @Test
  void joins_latin_words_with_one_space_and_chinese_with_none() {
    assertThat(InlineText.join(List.of("set the  PATH", "variable", "然后运行", "命令。")))
        .isEqualTo("set the PATH variable然后运行命令。");
  }

  @Test
  void never_puts_a_space_into_a_path_broken_after_a_slash_or_hyphen() {
    assertThat(InlineText.join(List.of("see /usr/", "share/doc and apt-", "get")))
        .isEqualTo("see /usr/share/doc and apt-get");
    assertThat(InlineText.join(List.of("编辑 \"/", "etc/apt/sources.list\"")))
        .isEqualTo("编辑 \"/etc/apt/sources.list\"");
  }

  @Test
  void a_full_line_of_chinese_typesetting_may_break_inside_a_latin_word() {
    assertThat(InlineText.joinWrapped(List.of("索引时，逐页读取页眉和页脚，W", "enda 会记住页码。")))
        .isEqualTo("索引时，逐页读取页眉和页脚，Wenda 会记住页码。");
    assertThat(
            InlineText.joinWrapped(
                List.of("A long English line that wraps at the", "end of a word.")))
        .isEqualTo("A long English line that wraps at the end of a word.");
  }

  @Test
  void keeps_a_typed_space_between_chinese_characters_but_not_a_source_line_break() {
    assertThat(InlineText.tidy("第 11 章 定制")).isEqualTo("第 11 章 定制");
    assertThat(InlineText.tidy("中文\n  中文")).isEqualTo("中文中文");
    assertThat(InlineText.tidyExtracted("第 4 章 常见问题")).isEqualTo("第 4 章常见问题");
  }
}
