package io.github.wenda.bot.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.eval.Evaluator;
import io.github.wenda.retrieval.eval.ModeResult;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.index.CachingEmbedder;
import io.github.wenda.retrieval.index.Embedder;
import io.github.wenda.retrieval.index.IndexReport;
import io.github.wenda.retrieval.index.IndexSettings;
import io.github.wenda.retrieval.index.ProgressListener;
import io.github.wenda.retrieval.search.Query;
import io.github.wenda.retrieval.search.Retriever;
import io.github.wenda.retrieval.search.SearchMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * One benchmark run: Wenda's index build (fresh, real embeddings, no cache), start-up, quality,
 * latency and throughput, then the plain LangChain4j pipeline on the same corpus and questions.
 *
 * <p>Questions are embedded every time they are searched: the query embedder remembers only the
 * last few texts (so answering reuses the vector search just made, as in the product), never a
 * question from an earlier round. Latencies are single-threaded, after one warm-up round.
 */
public final class Bench {
  private static final int K = 5;

  /** What the run needs from the application. */
  public record Setup(
      RetrievalSettings settings,
      Path workDir,
      Embedder model,
      EmbeddingModel baselineModel,
      java.util.function.BiFunction<Retrieval, Embedder, AnswerService> answers,
      DoubleSupplier startup,
      int rounds,
      ProgressListener progress) {}

  private final Setup setup;

  public Bench(Setup setup) {
    this.setup = setup;
  }

  public BenchReport run(List<Question> all) throws Exception {
    List<Question> questions = all.stream().filter(Question::answerable).toList();
    ProgressListener progress = setup.progress();
    // Load both models before any timing: the first call of each pays for reading the model.
    setup.model().embed("预热");
    setup.baselineModel().embed("预热");

    HeapPeak.reset();
    Path indexDir = setup.workDir().resolve("index");
    deleteTree(indexDir);
    RetrievalSettings s = setup.settings();
    RetrievalSettings settings = new RetrievalSettings(s.corpusDir(),
        new IndexSettings(indexDir, s.index().chunk(), s.index().batchSize()), s.search());
    progress.progress("build", 0, 1);
    long t = System.nanoTime();
    IndexReport build;
    try (Retrieval r = Retrieval.open(settings, setup.model(), ProgressListener.NONE)) {
      build = r.report();
    }
    double buildS = (System.nanoTime() - t) / 1e9;
    Map<String, Double> stages = new LinkedHashMap<>();
    build.stages().forEach((k, v) -> stages.put(k, v.toNanos() / 1e9));

    progress.progress("start", 0, 1);
    double startupS = setup.startup().getAsDouble();

    Embedder queries = new CachingEmbedder(setup.model(), 4);
    double[] qps = new double[2];
    Latency retrieve;
    Latency answer;
    ModeResult quality;
    int passages;
    try (Retrieval r = Retrieval.open(settings, setup.model(), queries, ProgressListener.NONE)) {
      passages = r.size();
      quality = new Evaluator(r, r.passages()).run(questions, K, List.of(s.search().mode())).modes().get(0);
      retrieve = latency("retrieve", questions, q -> r.search(new Query(q.question(), K, s.search().mode())));
      AnswerService service = setup.answers().apply(r, queries);
      answer = latency("answer", questions, q -> service.answer(new Conversation(0), q.question(), t2 -> {}));
      qps[0] = throughput(r, questions, 1, s.search().mode());
      qps[1] = throughput(r, questions, 2, s.search().mode());
    }
    double heap = HeapPeak.megabytes();

    HeapPeak.reset();
    progress.progress("baseline", 0, 1);
    t = System.nanoTime();
    BaselinePipeline baseline = BaselinePipeline.build(s.corpusDir(), setup.baselineModel());
    double baselineBuildS = (System.nanoTime() - t) / 1e9;
    ModeResult baselineQuality = new Evaluator(baseline, baseline.passages())
        .run(questions, K, List.of(SearchMode.VECTOR)).modes().get(0);
    Latency baselineRetrieve = latency("baseline", questions, q -> baseline.search(new Query(q.question(), K, SearchMode.VECTOR)));
    double baselineQps = throughput(baseline, questions, 1, SearchMode.VECTOR);
    double baselineHeap = HeapPeak.megabytes();

    return new BenchReport(questions.size(), passages, quality.recallAtK(), quality.mrrAtK(), buildS, stages, startupS,
        retrieve, answer, qps[0], qps[1], heap,
        new BenchReport.Baseline(baseline.passages().size(), baselineQuality.recallAtK(), baselineQuality.mrrAtK(),
            baselineBuildS, baselineRetrieve, baselineQps, baselineHeap));
  }

  /** One untimed warm-up round, then {@code rounds} timed rounds over the questions. */
  private Latency latency(String stage, List<Question> questions, java.util.function.Consumer<Question> call) {
    for (Question q : questions) {
      call.accept(q);
    }
    int n = questions.size() * setup.rounds();
    double[] ms = new double[n];
    int i = 0;
    for (int round = 0; round < setup.rounds(); round++) {
      for (Question q : questions) {
        long t = System.nanoTime();
        call.accept(q);
        ms[i++] = (System.nanoTime() - t) / 1e6;
        setup.progress().progress(stage, i, n);
      }
    }
    return Latency.of(ms);
  }

  /** Questions per second with {@code threads} threads sharing one retriever, over {@code rounds} passes. */
  private double throughput(Retriever r, List<Question> questions, int threads, SearchMode mode) throws Exception {
    int total = questions.size() * setup.rounds();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t = System.nanoTime();
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        work.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            r.search(new Query(questions.get(i % questions.size()).question(), K, mode));
          }
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      return total / ((System.nanoTime() - t) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  static void deleteTree(Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
