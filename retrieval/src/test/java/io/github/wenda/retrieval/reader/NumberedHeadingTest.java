package io.github.wenda.retrieval.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberedHeadingTest {
  @Test
  void recognises_the_usual_numbering_schemes_with_their_level() {
    assertThat(NumberedHeading.level("2.7.9. 限制 APT 的下载带宽")).hasValue(3);
    assertThat(NumberedHeading.level("2.7 限制带宽")).hasValue(2);
    assertThat(NumberedHeading.level("第3章 软件包管理")).hasValue(1);
    assertThat(NumberedHeading.level("第 2 节 配置")).hasValue(2);
    assertThat(NumberedHeading.level("一、总则")).hasValue(1);
    assertThat(NumberedHeading.level("（一）适用范围")).hasValue(2);
  }

  @Test
  void a_sentence_a_list_item_or_a_version_is_no_heading() {
    assertThat(NumberedHeading.level("1. 运行 apt update。")).isEmpty();
    assertThat(NumberedHeading.level("2.5 3.0")).isEmpty();
    assertThat(NumberedHeading.level("一、是要坚持合作，二、是要互利共赢，三、是要开放包容")).isEmpty();
  }
}
