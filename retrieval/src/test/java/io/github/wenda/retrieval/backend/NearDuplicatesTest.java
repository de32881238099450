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
}
