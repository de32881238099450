package io.github.wenda.bot.bench;

import io.github.wenda.retrieval.Backend;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.eval.Question;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * How Wenda grows with the corpus: for each factor, a generated corpus ({@link ScaleCorpus}) is
 * indexed from scratch with the real model, then searched. Reports index time (and embedding's
 * share), index size on disk, peak heap and retrieve latency.
 */
public final class ScaleBench {
  /** One factor's figures. */
  public record Point(
      int factor,
      long chars,
      int passages,
      double indexS,
      double embedS,
      double indexMb,
      double peakHeapMb,
      Latency retrieveMs) {
    /** Indexing speed, embedding included. */
    public double passagesPerS() {
      return indexS == 0 ? 0 : passages / indexS;
    }
  }

  private final RetrievalSettings settings;
  private final Path workDir;
  private final Embedder model;
  private final ProgressListener progress;

  public ScaleBench(
      RetrievalSettings settings, Path workDir, Embedder model, ProgressListener progress) {
    this.settings = settings;
    this.workDir = workDir;
    this.model = model;
    this.progress = progress;
  }

  public List<Point> run(List<Integer> factors, List<Question> questions) throws IOException {
    model.embed("预热");
    List<Question> qs = questions.stream().filter(Question::answerable).toList();
    List<Point> out = new ArrayList<>();
    for (int factor : factors) {
      Path dir = workDir.resolve("scale-" + factor);
      Bench.deleteTree(dir);
      long chars = ScaleCorpus.generate(settings.corpusDir(), factor, dir.resolve("corpus"));
      RetrievalSettings s =
          new RetrievalSettings(
              dir.resolve("corpus"),
              settings.index().withDir(dir.resolve("index")),
              settings.search(),
              Backend.LUCENE,
              settings.solr(),
              settings.corpus());
      HeapPeak.reset();
      long t = System.nanoTime();
      try (Retrieval r = Retrieval.open(s, model, progress)) {
        double indexS = (System.nanoTime() - t) / 1e9;
        IndexReport report = r.report();
        double embedS =
            report.stages().getOrDefault("embed", java.time.Duration.ZERO).toNanos() / 1e9;
        for (Question q : qs) {
          r.search(new Query(q.question(), 5, settings.search().mode()));
        }
        double[] ms = new double[qs.size()];
        for (int i = 0; i < qs.size(); i++) {
          long q0 = System.nanoTime();
          r.search(new Query(qs.get(i).question(), 5, settings.search().mode()));
          ms[i] = (System.nanoTime() - q0) / 1e6;
        }
        out.add(
            new Point(
                factor,
                chars,
                report.passages(),
                indexS,
                embedS,
                size(dir.resolve("index")) / 1048576.0,
                HeapPeak.megabytes(),
                Latency.of(ms)));
      }
    }
    return out;
  }

  public static void print(List<Point> points, PrintWriter out) {
    out.printf(
        "%6s %10s %9s %9s %9s %10s %9s %9s %9s %9s %9s%n",
        "factor",
        "chars",
        "passages",
        "index s",
        "embed s",
        "passages/s",
        "index MB",
        "heap MB",
        "p50 ms",
        "p95 ms",
        "p99 ms");
    for (Point p : points) {
      out.printf(
          "%6d %10d %9d %9.1f %9.1f %10.1f %9.1f %9.0f %9.2f %9.2f %9.2f%n",
          p.factor(),
          p.chars(),
          p.passages(),
          p.indexS(),
          p.embedS(),
          p.passagesPerS(),
          p.indexMb(),
          p.peakHeapMb(),
          p.retrieveMs().p50(),
          p.retrieveMs().p95(),
          p.retrieveMs().p99());
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
