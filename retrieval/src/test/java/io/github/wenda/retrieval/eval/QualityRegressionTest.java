package io.github.wenda.retrieval.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.embed.BgeSmallZhEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Runs the evaluation over the shipped question set with the real model and default settings, and
 * fails when hybrid quality drops below the floors in {@code quality-floors.properties}: a change
 * that hurts answers cannot land unnoticed. Quality, not timing: timings are bench's job.
 */
class QualityRegressionTest {
  private static final Path CORPUS = Path.of("..", "corpus");

  @Test
  void hybrid_search_stays_above_the_recorded_quality_floors() throws Exception {
    Properties floors = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/quality-floors.properties")) {
      floors.load(in);
    }
    RetrievalSettings settings =
        TestSettings.lucene(
            CORPUS,
            TestSettings.index(Path.of("target", "quality-index"), TestSettings.CHUNK, 16),
            TestSettings.SEARCH);
    List<Question> questions = QuestionFile.read(CORPUS.resolve("questions.jsonl"));
    EvalReport report;
    try (Retrieval r = Retrieval.open(settings, new BgeSmallZhEmbedder(), ProgressListener.NONE)) {
      report =
          new Evaluator(r, r.passages())
              .run(questions, 5, List.of(SearchMode.HYBRID, SearchMode.BM25, SearchMode.VECTOR));
    }
    for (ModeResult m : report.modes()) {
      System.out.printf(
          "quality %-6s recall@5=%.3f MRR@5=%.3f nDCG@5=%.3f misses=%s%n",
          m.mode().label(),
          m.recallAtK(),
          m.mrrAtK(),
          m.ndcgAtK(),
          m.misses().stream().map(ModeResult.Miss::id).toList());
    }
    ModeResult hybrid = report.mode(SearchMode.HYBRID).orElseThrow();
    assertThat(report.answerable()).isGreaterThanOrEqualTo(60);
    assertThat(hybrid.recallAtK())
        .as("hybrid recall@5")
        .isGreaterThanOrEqualTo(floor(floors, "hybrid.recall_at_5"));
    assertThat(hybrid.mrrAtK())
        .as("hybrid MRR@5")
        .isGreaterThanOrEqualTo(floor(floors, "hybrid.mrr_at_5"));
  }

  private static double floor(Properties p, String key) {
    String v = p.getProperty(key);
    if (v == null) {
      throw new IllegalStateException("quality-floors.properties has no " + key);
    }
    return Double.parseDouble(v);
  }
}
