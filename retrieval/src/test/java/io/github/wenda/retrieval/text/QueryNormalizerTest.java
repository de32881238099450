package io.github.wenda.retrieval.text;

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
    for (String s :
        new String[] {
          "", " ", "\u0000\u0007", "\uD800", "a\uDC00b", "\u200B\u202E", "😀".repeat(600)
        }) {
      assertThatCode(() -> normalizer.normalize(s)).doesNotThrowAnyException();
    }
    String cut = normalizer.normalize("😀".repeat(600));
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
  }

  @Test
  void the_traditional_character_list_is_exactly_what_icu_changes_in_the_cjk_blocks() {
    com.ibm.icu.text.Transliterator icu =
        com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified");
    java.util.BitSet listed = io.github.wenda.retrieval.text.TraditionalChars.set();
    // CJK Unified Ideographs, Extension A and the compatibility block: where Traditional lives.
    int[][] blocks = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
    for (int[] b : blocks) {
      for (int cp = b[0]; cp <= b[1]; cp++) {
        String s = new String(Character.toChars(cp));
        assertThat(listed.get(cp))
            .as("U+%04X %s", cp, s)
            .isEqualTo(!icu.transliterate(s).equals(s));
      }
    }
  }

  @Test
  void questions_without_traditional_characters_come_out_as_icu_would_make_them() throws Exception {
    com.ibm.icu.text.Transliterator icu =
        com.ibm.icu.text.Transliterator.getInstance("Traditional-Simplified");
    java.nio.file.Path file = java.nio.file.Path.of("..", "corpus", "questions.jsonl");
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    for (String line : java.nio.file.Files.readAllLines(file)) {
      String q = json.readTree(line).get("question").asText();
      String cleaned = new io.github.wenda.retrieval.corpus.TextCleaner().normalize(q);
      assertThat(normalizer.normalize(q)).as(q).isEqualTo(icu.transliterate(cleaned));
    }
  }
}
