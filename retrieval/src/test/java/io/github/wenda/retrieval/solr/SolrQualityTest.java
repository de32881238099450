package io.github.wenda.retrieval.solr;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.backend.SearchBackend;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.embed.BgeSmallZhEmbedder;
import io.github.wenda.retrieval.eval.EvalReport;
import io.github.wenda.retrieval.eval.Evaluator;
import io.github.wenda.retrieval.eval.ModeResult;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import io.github.wenda.retrieval.lucene.LuceneBackend;
import io.github.wenda.retrieval.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The bundled corpus and question set with the real model on both backends: Solr's quality must
 * equal the embedded index's, and stay so with one of two nodes down. Prints the numbers the README
 * quotes (quality, search latency, write throughput); passages are embedded once and shared, so
 * both backends index identical vectors.
 */
@Tag("solr")
@DisabledIfSystemProperty(named = "skipSolr", matches = "|true")
class SolrQualityTest {
  private static final Path CORPUS = Path.of("..", "corpus");
  private static final double TOLERANCE = 0.02;

  @Test
  void solr_answers_the_question_set_as_well_as_the_embedded_index_even_with_a_node_down()
      throws Exception {
    // Passages through a memo (embedded once for both backends), questions straight to the model,
    // so search latencies include the model's time on both.
    Embedder model = new BgeSmallZhEmbedder();
    Embedder passages = new MemoEmbedder(model);
    Corpus corpus = new CorpusLoader(CORPUS, TestSettings.CORPUS).load();
    List<Question> questions = QuestionFile.read(CORPUS.resolve("questions.jsonl"));
    List<SearchMode> modes = List.of(SearchMode.HYBRID, SearchMode.BM25, SearchMode.VECTOR);
    Path tmp = Files.createTempDirectory("wenda-quality");
    IndexSettings index = TestSettings.index(tmp.resolve("index"), TestSettings.CHUNK, 16);

    EvalReport lucene;
    IndexReport luceneIndexed;
    try (LuceneBackend b = new LuceneBackend(index, passages, model, ProgressListener.NONE)) {
      luceneIndexed = b.refresh(corpus);
      lucene = evaluate(b, questions, modes);
    }
    try (SolrTestCluster solr = SolrTestCluster.start(2);
        SolrBackend b =
            SolrBackend.connect(
                solr.settings("quality", 2, 200), index, passages, model, ProgressListener.NONE)) {
      IndexReport solrIndexed = b.refresh(corpus);
      EvalReport onSolr = evaluate(b, questions, modes);
      print("lucene", luceneIndexed, lucene);
      print("solr", solrIndexed, onSolr);
      for (SearchMode m : modes) {
        ModeResult l = lucene.mode(m).orElseThrow();
        ModeResult s = onSolr.mode(m).orElseThrow();
        assertThat(s.recallAtK())
            .as(m.label() + " recall@5")
            .isCloseTo(l.recallAtK(), org.assertj.core.data.Offset.offset(TOLERANCE));
        assertThat(s.mrrAtK())
            .as(m.label() + " MRR@5")
            .isCloseTo(l.mrrAtK(), org.assertj.core.data.Offset.offset(TOLERANCE));
      }

      // One of two nodes down: every shard still has a replica on the other, so every question is
      // answered.
      var node = solr.cluster.getJettySolrRunner(1);
      solr.cluster.stopJettySolrRunner(node);
      solr.cluster.waitForJettyToStop(node);
      var retriever = b.retriever(TestSettings.SEARCH);
      List<String> unanswered = new ArrayList<>();
      for (Question q : questions.stream().filter(Question::answerable).toList()) {
        if (retriever.search(new Query(q.question(), 5, SearchMode.HYBRID)).size() != 5) {
          unanswered.add(q.id());
        }
      }
      assertThat(unanswered).as("questions without 5 hits with a node down").isEmpty();
      EvalReport degraded = evaluate(b, questions, List.of(SearchMode.HYBRID));
      print("solr, one node down", solrIndexed, degraded);
      assertThat(degraded.mode(SearchMode.HYBRID).orElseThrow().recallAtK())
          .isCloseTo(
              onSolr.mode(SearchMode.HYBRID).orElseThrow().recallAtK(),
              org.assertj.core.data.Offset.offset(TOLERANCE));
    }
  }

  private static EvalReport evaluate(
      SearchBackend b, List<Question> questions, List<SearchMode> modes) {
    return new Evaluator(b.retriever(TestSettings.SEARCH), b.passages()).run(questions, 5, modes);
  }

  private static void print(String name, IndexReport indexed, EvalReport report) {
    double writeSeconds =
        indexed.stages().getOrDefault("write", java.time.Duration.ZERO).toNanos() / 1e9;
    System.out.printf(
        "backend %-20s passages=%d write=%.2f s (%.0f passages/s)%n",
        name, indexed.passages(), writeSeconds, indexed.passages() / Math.max(writeSeconds, 1e-9));
    for (ModeResult m : report.modes()) {
      System.out.printf(
          "backend %-20s %-6s recall@5=%.3f MRR@5=%.3f nDCG@5=%.3f p50=%.1f ms p95=%.1f ms%n",
          name,
          m.mode().label(),
          m.recallAtK(),
          m.mrrAtK(),
          m.ndcgAtK(),
          m.latencyP50Ms(),
          m.latencyP95Ms());
    }
  }

  /**
   * The model, each text embedded once: both backends get identical vectors, and the model's time
   * is paid once.
   */
  private static final class MemoEmbedder implements Embedder {
    private final Embedder model;
    private final Map<String, float[]> memo = new ConcurrentHashMap<>();

    MemoEmbedder(Embedder model) {
      this.model = model;
    }

    @Override
    public String modelId() {
      return model.modelId();
    }

    @Override
    public int dimension() {
      return model.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      List<String> missing = texts.stream().filter(t -> !memo.containsKey(t)).distinct().toList();
      if (!missing.isEmpty()) {
        List<float[]> vs = model.embed(missing);
        for (int i = 0; i < missing.size(); i++) {
          memo.put(missing.get(i), vs.get(i));
        }
      }
      return texts.stream().map(memo::get).toList();
    }
  }
}
