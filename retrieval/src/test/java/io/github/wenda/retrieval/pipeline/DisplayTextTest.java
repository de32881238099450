package io.github.wenda.retrieval.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import io.github.wenda.retrieval.text.MatchText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Passages of the bundled corpus read in the document's own punctuation; matching still sees one
 * form.
 */
class DisplayTextTest {
  /**
   * An ASCII comma, colon or semicolon between two CJK characters (Han or full-width punctuation).
   */
  private static final Pattern HALF_WIDTH_BETWEEN_CJK =
      Pattern.compile(
          "[\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF65“”‘’][,:;][\\p{IsHan}\\u3000-\\u303F\\uFF01-\\uFF65“”‘’]");

  private static final List<Passage> passages = new ArrayList<>();

  @BeforeAll
  static void chunk_the_bundled_corpus() {
    Corpus corpus = new CorpusLoader(Path.of("..", "corpus"), TestSettings.CORPUS).load();
    PassagePipeline pipeline =
        new PassagePipeline(TestSettings.CHUNK, new HashingEmbedder(), 16, ProgressListener.NONE);
    for (Document d : corpus.documents()) {
      passages.addAll(pipeline.passages(d));
    }
  }

  @Test
  void no_passage_has_an_ascii_comma_or_colon_between_chinese_characters() {
    assertThat(passages).hasSizeGreaterThan(100);
    List<String> offending = new ArrayList<>();
    for (Passage p : passages) {
      var m = HALF_WIDTH_BETWEEN_CJK.matcher(p.section() + "\n" + p.text());
      while (m.find()) {
        offending.add(p.id() + ": " + m.group());
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void yi_syllable_artefacts_decode_to_the_full_width_marks_they_stand_for() {
    String all = String.join("\n", passages.stream().map(Passage::text).toList());
    assertThat(all.codePoints().filter(c -> c >= 0xA000 && c <= 0xA48F).count()).isZero();
    // 000 is the file whose PDF font produced ꎬ ꎮ ꎻ; its passages must read ， 。 ；
    String yiFile =
        String.join(
            "\n",
            passages.stream().filter(p -> p.docId().startsWith("000")).map(Passage::text).toList());
    assertThat(yiFile).contains("，").contains("。").contains("；");
    assertThat(all).contains("同时，上海合作组织还先后与认同组织宗旨和原则的国际组织，");
  }

  @Test
  void full_width_latin_letters_and_digits_are_folded_for_reading() {
    String all = String.join("\n", passages.stream().map(Passage::text).toList());
    assertThat(all).doesNotContainPattern("[\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A]");
    assertThat(all).contains("2009年12月18日");
  }

  @Test
  void match_text_folds_punctuation_so_either_form_of_a_question_matches() {
    Passage p = passages.stream().filter(x -> x.text().contains("，")).findFirst().orElseThrow();
    assertThat(MatchText.indexed(p)).doesNotContain("，").contains(",");
    assertThat(MatchText.of("上合組織，成立（２００１年）")).isEqualTo(MatchText.of("上合组织,成立(2001年)"));
  }
}
