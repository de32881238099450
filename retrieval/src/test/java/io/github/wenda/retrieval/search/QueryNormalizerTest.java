package io.github.wenda.retrieval.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class QueryNormalizerTest {
  private final QueryNormalizer normalizer = new QueryNormalizer();

  @Test
  void folds_traditional_to_simplified() {
    assertThat(normalizer.normalize("上合組織農業合作示範區")).isEqualTo("上合组织农业合作示范区");
  }

  @Test
  void folds_full_width_digits_like_the_corpus_cleaner() {
    assertThat(normalizer.normalize("２００１年 成立")).isEqualTo("2001年成立");
  }

  @Test
  void cuts_over_long_questions() {
    assertThat(normalizer.normalize("上".repeat(100_000))).hasSize(QueryNormalizer.MAX_CHARS);
  }

  @Test
  void survives_hostile_input() {
    for (String s : new String[] {"", " ", "\u0000\u0007", "\uD800", "a\uDC00b", "\u200B\u202E", "😀".repeat(600)}) {
      assertThatCode(() -> normalizer.normalize(s)).doesNotThrowAnyException();
    }
    String cut = normalizer.normalize("😀".repeat(600));
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
  }
}
