package io.github.wenda.bot.tuning;

import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.eval.Evaluator;
import io.github.wenda.retrieval.eval.ModeResult;
import io.github.wenda.retrieval.eval.Question;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a grid of settings over a question set. Points are grouped by chunking, so each distinct
 * chunking is chunked once, into its own index folder ({@code <sweepDir>/chunk-<max>-<overlap>},
 * kept for later sweeps); all other settings only change the searches over that index. Passages and
 * questions are embedded through {@code embedder}, normally a persistent cache, so nothing is
 * embedded twice, in this run or the next.
 */
public final class Sweep {
  /** One evaluated point. */
  public record Row(SweepPoint point, int passages, ModeResult result) {}

  /** All rows, best first by {@code metric}, and what the run cost. */
  public record Result(SweepMetric metric, List<Row> rows, int indexesBuilt, int indexesReused) {
    public Result {
      rows = List.copyOf(rows);
    }

    public Row best() {
      return rows.get(0);
    }
  }

  private final Embedder embedder;
  private final Path sweepDir;
  private final ProgressListener progress;

  public Sweep(Embedder embedder, Path sweepDir, ProgressListener progress) {
    this.embedder = embedder;
    this.sweepDir = sweepDir;
    this.progress = progress;
  }

  /**
   * Evaluates every point on the answerable questions; rows sorted best first, ties in grid order.
   */
  public Result run(List<SweepPoint> points, List<Question> questions, SweepMetric metric) {
    Map<ChunkSettings, List<Integer>> byChunking = new LinkedHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      byChunking
          .computeIfAbsent(points.get(i).settings().index().chunk(), c -> new ArrayList<>())
          .add(i);
    }
    Row[] rows = new Row[points.size()];
    int built = 0;
    int reused = 0;
    int done = 0;
    progress.progress("sweep", 0, points.size());
    for (Map.Entry<ChunkSettings, List<Integer>> group : byChunking.entrySet()) {
      RetrievalSettings first = points.get(group.getValue().get(0)).settings();
      RetrievalSettings settings =
          first.withLuceneIndex(
              first.index().withDir(indexDir(group.getKey())).withChunk(group.getKey()));
      try (Retrieval r = Retrieval.open(settings, embedder, ProgressListener.NONE)) {
        if (r.report().action() == IndexReport.Action.REUSED) {
          reused++;
        } else {
          built++;
        }
        List<Passage> passages = r.passages();
        for (int i : group.getValue()) {
          SweepPoint p = points.get(i);
          var search = p.settings().search();
          ModeResult result =
              new Evaluator(r.retriever(search), passages)
                  .run(questions, search.k(), List.of(search.mode()))
                  .modes()
                  .get(0);
          rows[i] = new Row(p, passages.size(), result);
          progress.progress("sweep", ++done, points.size());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Row> ordered = new ArrayList<>(List.of(rows));
    // Stable sort: equal scores keep grid order, so the first-listed (usually the default) wins
    // ties.
    ordered.sort(Comparator.comparingDouble((Row row) -> metric.of(row.result())).reversed());
    return new Result(metric, ordered, built, reused);
  }

  Path indexDir(ChunkSettings chunk) {
    return sweepDir.resolve("chunk-" + chunk.maxChars() + "-" + chunk.overlapChars());
  }
}
