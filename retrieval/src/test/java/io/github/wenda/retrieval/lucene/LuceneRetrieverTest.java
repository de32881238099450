package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LuceneRetrieverTest {
  @TempDir static Path tmp;
  static Retrieval retrieval;

  @BeforeAll
  static void index() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(
        corpus.resolve("a.txt"),
        "上海合作组织于2001年6月15日在上海成立。\n\n上合组织农业合作示范区设在陕西杨凌。\n\n"
            + "上海精神的内涵是互信、互利、平等、协商、尊重多样文明、谋求共同发展。\n");
    Files.writeString(corpus.resolve("b.txt"), "中国加入世界贸易组织的谈判历时15年。\n\n独联体与上合组织签署了谅解备忘录。\n");
    RetrievalSettings s =
        TestSettings.lucene(
            corpus,
            TestSettings.index(tmp.resolve("index"), new ChunkSettings(40, 0), 8),
            TestSettings.SEARCH);
    retrieval = Retrieval.open(s, new HashingEmbedder(), ProgressListener.NONE);
  }

  @AfterAll
  static void close() throws Exception {
    retrieval.close();
  }

  private List<Hit> search(String q, SearchMode mode) {
    return retrieval.search(new Query(q, 3, mode));
  }

  @ParameterizedTest
  @EnumSource(SearchMode.class)
  void finds_the_passage_that_answers(SearchMode mode) {
    List<Hit> hits = search("上合组织农业合作示范区在哪里？", mode);
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).passage().text()).contains("杨凌");
    assertThat(hits).extracting(Hit::rank).startsWith(1);
  }

  @Test
  void traditional_characters_find_simplified_text() {
    assertThat(search("上合組織農業合作示範區設在哪裡", SearchMode.BM25).get(0).passage().text()).contains("杨凌");
  }

  @Test
  void hybrid_hits_carry_both_ranks() {
    Hit top = search("中国加入世界贸易组织用了多久", SearchMode.HYBRID).get(0);
    assertThat(top.passage().text()).contains("15年");
    assertThat(top.details().bm25Rank()).isEqualTo(1);
    assertThat(top.details().vectorRank()).isPositive();
    assertThat(top.details().fused()).isPositive();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "上海 AND OR NOT * ? : \" ( ) [ ] { } \\ / ~ ^ + - ! &&||",
        "title:上海*",
        "\"unclosed",
        "((((",
        "/regex/",
        "field:[a TO z]",
        "~2^3",
        "<script>alert(1)</script>",
        "'; DROP TABLE passages;--",
        "",
        "   ",
        "\u0000\u0001",
        "\uD800",
        "什么",
        "？？？"
      })
  void query_syntax_and_hostile_text_never_throw(String q) {
    for (SearchMode mode : SearchMode.values()) {
      assertThatCode(() -> search(q, mode)).doesNotThrowAnyException();
    }
  }

  @Test
  void a_huge_question_is_answered_quickly() {
    String huge = "上海合作组织成立".repeat(20_000);
    assertThatCode(() -> search(huge, SearchMode.HYBRID)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 100})
  void the_exhaustive_vector_list_equals_the_graph_search_on_a_small_index(int depth)
      throws Exception {
    HashingEmbedder embedder = new HashingEmbedder();
    try (PassageIndex index = PassageIndex.open(tmp.resolve("index"))) {
      LuceneRetriever lucene = new LuceneRetriever(index, embedder, TestSettings.SEARCH);
      for (String q : List.of("上合组织农业合作示范区在哪里？", "世界贸易组织", "谅解备忘录", "上海精神")) {
        float[] v = embedder.embed(q);
        List<io.github.wenda.retrieval.backend.Fusion.Ranked> exact =
            lucene.vectorList(v, depth, true);
        assertThat(exact).hasSize(Math.min(depth, retrieval.size()));
        assertThat(exact).isEqualTo(lucene.vectorList(v, depth, false));
      }
    }
  }

  @Test
  void a_passage_read_again_comes_from_the_memo_and_equals_the_stored_one() throws Exception {
    try (PassageIndex index = PassageIndex.open(tmp.resolve("index"))) {
      List<io.github.wenda.retrieval.api.Passage> stored = index.passages();
      var first = index.passageReader();
      var second = index.passageReader();
      for (int doc = 0; doc < stored.size(); doc++) {
        PassageIndex.StoredPassage p = first.apply(doc);
        assertThat(p.passage()).isEqualTo(stored.get(doc));
        assertThat(p.shingles())
            .isEqualTo(
                io.github.wenda.retrieval.backend.NearDuplicates.shingles(p.passage().text()));
        assertThat(second.apply(doc)).isSameAs(p);
      }
    }
  }

  @Test
  void question_words_alone_match_nothing_lexically() {
    assertThat(search("什么是吗呢", SearchMode.BM25)).isEmpty();
  }
}
