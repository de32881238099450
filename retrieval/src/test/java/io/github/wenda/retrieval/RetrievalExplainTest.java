package io.github.wenda.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.Explanation;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wenda explain} through the facade: engine-neutral values, the same ranking as search. */
class RetrievalExplainTest {
  @TempDir Path tmp;

  /** The shipped search settings over {@code corpus}, with a fast fake embedder. */
  private Retrieval open(Path corpus) {
    RetrievalSettings settings =
        TestSettings.lucene(
            corpus,
            TestSettings.index(tmp.resolve("index"), TestSettings.CHUNK, 4),
            TestSettings.SEARCH);
    return Retrieval.open(settings, new HashingEmbedder(), ProgressListener.NONE);
  }

  @Test
  void explains_a_question_with_its_terms_and_the_candidates_search_returns() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年。总部设在北京。\n\n它的成员国不断扩大。\n");
    Files.writeString(corpus.resolve("b.txt"), "东盟是东南亚国家联盟的简称。\n\n上合组织与东盟签署了谅解备忘录。\n");

    try (Retrieval r = open(corpus)) {
      String question = "上合组织成立于哪一年？";
      Explanation e = r.explain(question, 3, SearchMode.HYBRID);
      List<Hit> searched = r.search(new Query(question, 3, SearchMode.HYBRID));

      assertThat(e.words()).contains("组织", "成立").doesNotContain("哪");
      assertThat(e.bigrams()).contains("成立");
      assertThat(e.candidates())
          .extracting(c -> c.hit().passage().id())
          .containsExactlyElementsOf(searched.stream().map(h -> h.passage().id()).toList());
      Explanation.Candidate top = e.candidates().get(0);
      assertThat(top.hit().passage().text()).contains("2001");
      assertThat(top.matchedWords()).contains("成立");
    }
  }

  @Test
  void shows_the_bm25_weight_adaptive_fusion_chose_for_each_question() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(
        corpus.resolve("a.txt"),
        "上海合作组织于2001年6月15日在上海宣告成立。\n\n秘书处设在北京，负责日常协调工作。\n\n" + "农业合作示范区设在陕西杨凌。\n");
    Files.writeString(corpus.resolve("b.txt"), "东盟是东南亚国家联盟的简称。\n\n成员国每年举行首脑会议。\n");
    try (Retrieval r = open(corpus)) {
      // In the document's words: the best BM25 passage holds every query term.
      Explanation quoted = r.explain("秘书处设在北京", 3, SearchMode.HYBRID);
      // Mostly words no passage holds: the best BM25 passage matches one of them.
      Explanation paraphrased = r.explain("常设办事机构的驻地在哪座城市，北京吗", 3, SearchMode.HYBRID);

      assertThat(quoted.termCoverage()).isEqualTo(1.0);
      assertThat(quoted.bm25Weight()).isEqualTo(TestSettings.SEARCH.bm25Weight());
      assertThat(paraphrased.termCoverage()).isBetween(0.01, TestSettings.SEARCH.coverageLow());
      assertThat(paraphrased.bm25Weight()).isEqualTo(TestSettings.SEARCH.minBm25Weight());
    }
  }
}
