package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {
  @Test
  void detects_chinese_english_and_others() {
    assertThat(Language.detect("上合组织是哪年成立的？")).isEqualTo(Language.CHINESE);
    assertThat(Language.detect("上合組織農業合作示範區在哪裡？")).isEqualTo(Language.CHINESE);
    assertThat(Language.detect("When was the SCO founded?")).isEqualTo(Language.ENGLISH);
    assertThat(Language.detect("SCO 成立时间")).isEqualTo(Language.CHINESE);
    assertThat(Language.detect("Когда была основана ШОС?")).isEqualTo(Language.OTHER);
    assertThat(Language.detect("2001?")).isEqualTo(Language.CHINESE);
  }
}
