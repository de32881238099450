package io.github.wenda.retrieval.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
  private static final ScoreDetails D = new ScoreDetails(1, 1, 1, 1, 1);

  private static Passage passage(String doc, int ordinal, String text) {
    return new Passage(doc, doc, "", SegmentKind.BODY, ordinal, 0, text.length(), text);
  }

  @Test
  void folds_a_copy_from_another_document_even_in_other_punctuation_and_width() {
    NearDuplicates n = new NearDuplicates(3);
    n.add(passage("manual-html", 0, "上海合作组织于2001年6月15日在上海宣告成立，秘书处设在北京。"), D);
    n.add(passage("manual-pdf", 4, "上海合作组织于２００１年６月１５日在上海宣告成立,秘书处设在北京。"), D);
    n.add(passage("other", 0, "中国加入世界贸易组织的谈判历时15年。"), D);

    List<Hit> hits = n.hits();
    assertThat(hits).extracting(h -> h.passage().docId()).containsExactly("manual-html", "other");
    assertThat(hits).extracting(Hit::rank).containsExactly(1, 2);
    assertThat(hits.get(0).also()).extracting(Passage::docId).containsExactly("manual-pdf");
    assertThat(hits.get(1).also()).isEmpty();
  }

  @Test
  void keeps_different_passages_on_one_topic_and_repeats_within_one_document() {
    NearDuplicates n = new NearDuplicates(5);
    n.add(passage("a", 0, "上海合作组织于2001年6月15日在上海宣告成立。"), D);
    n.add(passage("b", 0, "上海合作组织秘书处于2004年1月在北京正式启动。"), D);
    n.add(passage("a", 7, "上海合作组织于2001年6月15日在上海宣告成立。"), D);

    assertThat(n.hits()).hasSize(3).allMatch(h -> h.also().isEmpty());
  }

  @Test
  void looks_past_k_only_for_copies_of_the_hits_it_holds() {
    NearDuplicates n = new NearDuplicates(1);
    n.add(passage("a", 0, "上合组织农业合作示范区设在陕西杨凌。"), D);
    assertThat(n.wantsMore()).isTrue();
    n.add(passage("b", 0, "独联体与上合组织签署了谅解备忘录。"), D);
    n.add(passage("a-copy", 0, "上合组织农业合作示范区设在陕西杨凌。"), D);

    assertThat(n.hits())
        .singleElement()
        .satisfies(h -> assertThat(h.also()).extracting(Passage::docId).containsExactly("a-copy"));
    assertThat(n.wantsMore()).isFalse();
  }

  @Test
  void jaccard_of_shingles_is_one_for_equal_texts_and_low_for_unrelated_ones() {
    assertThat(
            NearDuplicates.jaccard(
                NearDuplicates.shingles("上海合作组织"), NearDuplicates.shingles("上海 合作组织")))
        .isEqualTo(1.0);
    assertThat(
            NearDuplicates.jaccard(
                NearDuplicates.shingles("上海合作组织成立"), NearDuplicates.shingles("世界贸易组织谈判")))
        .isLessThan(NearDuplicates.SAME_CONTENT_JACCARD);
  }

  @Test
  void a_text_of_one_or_two_letters_is_its_own_shingle_and_matches_no_longer_text() {
    assertThat(NearDuplicates.shingles("，上合！")).hasSize(1);
    assertThat(NearDuplicates.shingles("上合")).isNotEqualTo(NearDuplicates.shingles("上合组"));
    assertThat(NearDuplicates.jaccard(NearDuplicates.shingles("上合"), NearDuplicates.shingles("上合")))
        .isEqualTo(1.0);
    assertThat(NearDuplicates.shingles("！？。")).isEmpty();
  }

  @Test
  void a_copy_with_a_short_addition_folds_and_a_much_longer_text_does_not() {
    String base = "上海合作组织于2001年6月15日在上海宣告成立，秘书处设在北京，地区反恐怖机构设在塔什干。";
    NearDuplicates n = new NearDuplicates(3);
    n.add(passage("html", 0, base), D);
    n.add(passage("pdf", 0, base + "第3页"), D);
    n.add(passage("notes", 0, base + "此后又有印度、巴基斯坦和伊朗先后加入，白俄罗斯于2024年成为成员国。"), D);

    assertThat(n.hits()).extracting(h -> h.passage().docId()).containsExactly("html", "notes");
    assertThat(n.hits().get(0).also()).extracting(Passage::docId).containsExactly("pdf");
  }
}
