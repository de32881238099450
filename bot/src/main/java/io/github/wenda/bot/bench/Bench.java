package io.github.wenda.bot.bench;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.eval.Evaluator;
import io.github.wenda.retrieval.eval.ModeResult;
import io.github.wenda.retrieval.eval.Question;
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
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * Wenda against the plain LangChain4j pipeline, measured so that neither side is favoured.
 *
 * <p>Each run has phases, and the side that goes first alternates between runs. <b>Build and
 * heap</b>: after a full GC, one side builds its index from scratch (real embeddings, no cache), is
 * evaluated for recall and MRR and answers every question once; its peak heap is read before the
 * other side starts the same, so neither is charged for the other's objects. <b>Latency</b>: with
 * both open, one untimed warm-up pass, then every question is timed on both sides back to back, the
 * side going first alternating per question, so a busy moment of the machine hits both alike, each
 * search after a short untimed pause so that neither is timed beside the other's still-spinning
 * threads ({@link #PAUSE_BEFORE_SEARCH_MS}). <b>Throughput</b>: questions per second at 1 and 2
 * threads, the sides alternating. Then Wenda's answer latency and a fresh-JVM start-up. Questions
 * are embedded every time they are searched. Figures are medians over the runs, with min and max as
 * the spread.
 */
public final class Bench {
  static final int K = 5;

  /** What the run needs from the application. */
  public record Setup(
      RetrievalSettings settings,
      Path workDir,
      Embedder model,
      EmbeddingModel baselineModel,
      java.util.function.BiFunction<Retrieval, Embedder, AnswerService> answers,
      DoubleSupplier startup,
      int rounds,
      int runs,
      ProgressListener progress) {
    public Setup {
      if (rounds < 1 || rounds > 100) {
        throw new IllegalArgumentException("rounds must be between 1 and 100, but is: " + rounds);
      }
      if (runs < 1 || runs > 20) {
        throw new IllegalArgumentException("runs must be between 1 and 20, but is: " + runs);
      }
    }
  }

  private final Setup setup;

  public Bench(Setup setup) {
    this.setup = setup;
  }

  public BenchReport run(List<Question> all) throws Exception {
    List<Question> questions = all.stream().filter(Question::answerable).toList();
    // Load both models before any timing: the first call of each pays for reading the model.
    setup.model().embed("预热");
    setup.baselineModel().embed("预热");
    List<Map<String, Double>> wenda = new ArrayList<>();
    List<Map<String, Double>> baseline = new ArrayList<>();
    int passages = 0;
    int segments = 0;
    for (int run = 0; run < setup.runs(); run++) {
      boolean wendaFirst = run % 2 == 0;
      Map<String, Double> w = new LinkedHashMap<>();
      Map<String, Double> b = new LinkedHashMap<>();
      BaselinePipeline pipeline;
      if (wendaFirst) {
        passages = buildWenda(questions, w);
        pipeline = buildBaseline(questions, b);
      } else {
        pipeline = buildBaseline(questions, b);
        passages = buildWenda(questions, w);
      }
      segments = pipeline.passages().size();
      try (Retrieval r = Retrieval.open(settings(), setup.model(), ProgressListener.NONE)) {
        SearchMode mode = setup.settings().search().mode();
        Retriever ours = q -> r.search(q);
        Retriever theirs = pipeline;
        interleavedLatency(questions, ours, mode, theirs, w, b, run);
        for (int threads : new int[] {1, 2}) {
          if (wendaFirst) {
            w.put("throughput_qps." + threads, throughput(ours, questions, threads, mode));
            b.put(
                "throughput_qps." + threads,
                throughput(theirs, questions, threads, SearchMode.VECTOR));
          } else {
            b.put(
                "throughput_qps." + threads,
                throughput(theirs, questions, threads, SearchMode.VECTOR));
            w.put("throughput_qps." + threads, throughput(ours, questions, threads, mode));
          }
        }
        AnswerService service = setup.answers().apply(r, setup.model());
        putLatency(
            w,
            "answer_ms",
            latency(
                "answer",
                questions,
                q -> service.answer(new Conversation(0), q.question(), t2 -> {})));
      }
      setup.progress().progress("start", run, setup.runs());
      w.put("startup_s", setup.startup().getAsDouble());
      wenda.add(w);
      baseline.add(b);
    }
    return BenchReport.of(questions.size(), passages, segments, setup.rounds(), wenda, baseline);
  }

  private RetrievalSettings settings() {
    RetrievalSettings s = setup.settings();
    return s.withLuceneIndex(s.index().withDir(setup.workDir().resolve("index")));
  }

  /**
   * Fresh index build, quality and one answering pass, from a collected heap; returns the passage
   * count.
   */
  private int buildWenda(List<Question> questions, Map<String, Double> w) throws Exception {
    RetrievalSettings settings = settings();
    deleteTree(settings.index().dir());
    setup.progress().progress("build", 0, 1);
    HeapPeak.reset();
    long t = System.nanoTime();
    IndexReport build;
    try (Retrieval r = Retrieval.open(settings, setup.model(), ProgressListener.NONE)) {
      build = r.report();
    }
    w.put("index_build_s", (System.nanoTime() - t) / 1e9);
    build.stages().forEach((stage, d) -> w.put("index_stages_s." + stage, d.toNanos() / 1e9));
    try (Retrieval r = Retrieval.open(settings, setup.model(), ProgressListener.NONE)) {
      SearchMode mode = setup.settings().search().mode();
      ModeResult quality =
          new Evaluator(r, r.passages()).run(questions, K, List.of(mode)).modes().get(0);
      w.put("recall_at_5", quality.recallAtK());
      w.put("mrr_at_5", quality.mrrAtK());
      AnswerService service = setup.answers().apply(r, setup.model());
      for (Question q : questions) {
        service.answer(new Conversation(0), q.question(), t2 -> {});
      }
      w.put("peak_heap_mb", HeapPeak.megabytes());
      return r.size();
    }
  }

  /** The same for the plain pipeline: build (embedding every segment), quality, one search pass. */
  private BaselinePipeline buildBaseline(List<Question> questions, Map<String, Double> b) {
    setup.progress().progress("baseline", 0, 1);
    HeapPeak.reset();
    long t = System.nanoTime();
    BaselinePipeline baseline =
        BaselinePipeline.build(setup.settings().corpusDir(), setup.baselineModel());
    b.put("index_build_s", (System.nanoTime() - t) / 1e9);
    ModeResult quality =
        new Evaluator(baseline, baseline.passages())
            .run(questions, K, List.of(SearchMode.VECTOR))
            .modes()
            .get(0);
    b.put("recall_at_5", quality.recallAtK());
    b.put("mrr_at_5", quality.mrrAtK());
    b.put("peak_heap_mb", HeapPeak.megabytes());
    return baseline;
  }

  /** One warm-up pass over both, then each question timed on both, the first side alternating. */
  private void interleavedLatency(
      List<Question> questions,
      Retriever ours,
      SearchMode mode,
      Retriever theirs,
      Map<String, Double> w,
      Map<String, Double> b,
      int run) {
    for (Question q : questions) {
      ours.search(new Query(q.question(), K, mode));
      theirs.search(new Query(q.question(), K, SearchMode.VECTOR));
    }
    int n = questions.size() * setup.rounds();
    double[] oursMs = new double[n];
    double[] theirsMs = new double[n];
    int i = 0;
    for (int round = 0; round < setup.rounds(); round++) {
      for (Question q : questions) {
        boolean oursFirst = (i + run) % 2 == 0;
        if (oursFirst) {
          oursMs[i] = time(ours, new Query(q.question(), K, mode));
          theirsMs[i] = time(theirs, new Query(q.question(), K, SearchMode.VECTOR));
        } else {
          theirsMs[i] = time(theirs, new Query(q.question(), K, SearchMode.VECTOR));
          oursMs[i] = time(ours, new Query(q.question(), K, mode));
        }
        i++;
        setup.progress().progress("retrieve", i, n);
      }
    }
    putLatency(w, "retrieve_ms", Latency.of(oursMs));
    putLatency(b, "retrieve_ms", Latency.of(theirsMs));
  }

  /**
   * Untimed pause before each timed search. LangChain4j's ONNX session keeps its two threads
   * spinning for work after each run; without a pause the side timed next shares the cores with
   * them (in a harness on the loaded 2-core machine, a question embedded right after the baseline's
   * took 1.3-2.8 times as long as alone). Real questions come seconds apart, so each side is timed
   * as it would run alone. README ("Performance") gives the bench with and without it.
   */
  static final long PAUSE_BEFORE_SEARCH_MS = 10;

  private static double time(Retriever r, Query q) {
    try {
      Thread.sleep(PAUSE_BEFORE_SEARCH_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long t = System.nanoTime();
    r.search(q);
    return (System.nanoTime() - t) / 1e6;
  }

  private static void putLatency(Map<String, Double> figures, String name, Latency l) {
    figures.put(name + ".p50", l.p50());
    figures.put(name + ".p95", l.p95());
    figures.put(name + ".p99", l.p99());
  }

  /** One untimed warm-up round, then {@code rounds} timed rounds over the questions. */
  private Latency latency(String stage, List<Question> questions, Consumer<Question> call) {
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

  /**
   * Questions per second with {@code threads} threads sharing one retriever, over {@code rounds}
   * passes.
   */
  private double throughput(Retriever r, List<Question> questions, int threads, SearchMode mode)
      throws Exception {
    int total = questions.size() * setup.rounds();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long t = System.nanoTime();
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        work.add(
            pool.submit(
                () -> {
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
