package io.github.wenda.bot.cli;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.bench.Bench;
import io.github.wenda.bot.bench.BenchReport;
import io.github.wenda.bot.bench.ScaleBench;
import io.github.wenda.bot.bench.Soak;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.tuning.Charts;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.embed.BgeSmallZhEmbedder;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wenda bench}: Wenda against a plain LangChain4j pipeline on the corpus and question set,
 * in one run; {@code --scale} instead measures growth on generated larger corpora. Work happens
 * under {@code <data.dir>/bench}; the real index is not touched.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure index build, start-up, latency, throughput, memory and quality against a plain LangChain4j pipeline.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--questions",
      paramLabel = "FILE",
      description = "JSONL question set (default: questions.jsonl in the corpus folder).")
  Path questions;

  @Option(names = "--json", description = "Print one JSON object and nothing else on stdout.")
  boolean json;

  @Option(
      names = "--rounds",
      paramLabel = "N",
      defaultValue = "3",
      description =
          "Timed passes over the questions for latency and throughput (default 3), after one warm-up pass.")
  int rounds;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Repeat the whole comparison N times (1..20; default 1) and report medians with min and max.")
  int runs;

  @Option(
      names = "--scale",
      paramLabel = "F1,F2,…",
      split = ",",
      description =
          "Instead: index and search corpora F times the size of the bundled one (e.g. 1,10,100).")
  List<Integer> scale = new ArrayList<>();

  @Option(
      names = "--soak",
      paramLabel = "MINUTES",
      description =
          "Instead: answer questions non-stop for MINUTES on 4 threads, refreshing the index every minute, "
              + "and report heap and threads over time (flat means no leak; exit 1 if they grew).")
  Integer soakMinutes;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1 || rounds > 100) {
      throw new UsageException("--rounds", rounds, "must be between 1 and 100");
    }
    System.setProperty("java.awt.headless", "true");
    Launch launch = parent.launch();
    Path file =
        questions != null ? questions : launch.retrieval().corpusDir().resolve("questions.jsonl");
    List<Question> qs = QuestionFile.read(file);
    if (qs.isEmpty()) {
      throw new WendaException(file + ": no questions to bench with");
    }
    Path work = launch.dataDir().resolve("bench");
    PrintWriter out = spec.commandLine().getOut();
    ProgressListener progress = ConsoleProgress.forTerminal("steps");
    if (!scale.isEmpty()) {
      return scale(launch, qs, work, out);
    }
    if (soakMinutes != null) {
      return soak(launch, qs, work, out);
    }
    Bench bench =
        new Bench(
            new Bench.Setup(
                launch.retrieval(),
                work,
                BgeSmallZhEmbedder.shared(),
                new BgeSmallZhV15QuantizedEmbeddingModel(),
                (r, embedder) -> Answering.service(launch, r, embedder),
                () -> startup(launch, work.resolve("index"), qs.get(0).question()),
                rounds,
                runs,
                progress));
    BenchReport report = bench.run(qs);
    if (json) {
      out.println(report.toJson().toString());
    } else {
      out.printf(
          "%s; %s; %d cores, Java %s, max heap %d MB%n",
          file,
          launch.retrieval().corpusDir(),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          Runtime.getRuntime().maxMemory() >> 20);
      report.printTable(out);
    }
    out.flush();
    return Main.OK;
  }

  private int scale(Launch launch, List<Question> qs, Path work, PrintWriter out) throws Exception {
    List<ScaleBench.Point> points =
        new ScaleBench(
                launch.retrieval(),
                work,
                BgeSmallZhEmbedder.shared(),
                ConsoleProgress.forTerminal())
            .run(scale, qs);
    Path png = work.resolve("scale.png");
    List<Double> xs = points.stream().map(p -> (double) p.factor()).toList();
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("index build s", points.stream().map(ScaleBench.Point::indexS).toList());
    series.put("index MB", points.stream().map(ScaleBench.Point::indexMb).toList());
    series.put("peak heap MB", points.stream().map(ScaleBench.Point::peakHeapMb).toList());
    series.put("retrieve p50 ms", points.stream().map(p -> p.retrieveMs().p50()).toList());
    series.put("retrieve p99 ms", points.stream().map(p -> p.retrieveMs().p99()).toList());
    series.put("passages/s", points.stream().map(ScaleBench.Point::passagesPerS).toList());
    Charts.lines(
        "Wenda at scale (" + Runtime.getRuntime().availableProcessors() + " cores)",
        "corpus size (× bundled)",
        "value",
        xs,
        series,
        png);
    if (json) {
      out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(points));
    } else {
      ScaleBench.print(points, out);
      out.printf("chart %s%n", png);
    }
    out.flush();
    return Main.OK;
  }

  private int soak(Launch launch, List<Question> qs, Path work, PrintWriter out) throws Exception {
    if (soakMinutes < 1 || soakMinutes > 1440) {
      throw new UsageException("--soak", soakMinutes, "must be between 1 and 1440 minutes");
    }
    RetrievalSettings s = launch.retrieval();
    // Its own index under the bench folder: refreshes during the soak never touch the real one.
    RetrievalSettings settings = s.withLuceneIndex(s.index().withDir(work.resolve("soak-index")));
    Embedder embedder = Answering.embedder();
    try (Retrieval r =
        Retrieval.open(
            settings, launch.embeddingCache(embedder), embedder, ConsoleProgress.forTerminal())) {
      AnswerService service = Answering.service(launch, r, embedder);
      List<String> questions = qs.stream().map(Question::question).toList();
      int maxTurns = launch.config().integer("conversation.max-turns");
      Duration length = Duration.ofMinutes(soakMinutes);
      Duration every = Duration.ofSeconds(Math.max(5, Math.min(30, soakMinutes * 3L)));
      Soak.Result result =
          new Soak(length, every, Duration.ofMinutes(1), 4)
              .run(
                  questions,
                  // A fresh conversation per question, as a stream of new users would bring.
                  q -> service.answer(new Conversation(maxTurns), q, TokenSink.NONE),
                  r::refresh,
                  out);
      out.printf(
          "soak %d min: %d answers, %d errors, latency p50 %.1f ms, p95 %.1f ms; heap and threads %s%n",
          soakMinutes,
          result.answered(),
          result.errors(),
          result.latencyMs().p50(),
          result.latencyMs().p95(),
          result.flat() ? "flat" : "GREW (possible leak)");
      out.flush();
      return result.flat() && result.errors() == 0 ? Main.OK : Main.ERROR;
    }
  }

  /**
   * Start-up to ready, as a user meets it: a fresh JVM running {@code ask} over the index the bench
   * just built (reused, unchanged), timed from launch to exit; includes loading the model.
   */
  private double startup(Launch launch, Path index, String question) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    // As the launcher starts a one-shot command (see ./wenda).
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-XX:+UseSerialGC");
    String archive = System.getProperty("wenda.cds.archive");
    if (archive != null && java.nio.file.Files.isRegularFile(Path.of(archive))) {
      cmd.add("-Xlog:disable");
      cmd.add("-XX:SharedArchiveFile=" + archive);
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dwenda.home=" + launch.home());
    cmd.add(Main.class.getName());
    if (parent.config != null) {
      cmd.add("--config");
      cmd.add(parent.config.toString());
    }
    for (String o : parent.overrides()) {
      cmd.add("--set");
      cmd.add(o);
    }
    cmd.add("--set");
    cmd.add("index.dir=" + index.toAbsolutePath());
    cmd.add("ask");
    cmd.add(question);
    try {
      long t = System.nanoTime();
      Process p =
          new ProcessBuilder(cmd)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("start-up probe did not finish in 120 s");
      }
      if (p.exitValue() != 0 && p.exitValue() != 3) {
        throw new IllegalStateException(
            "start-up probe (wenda ask) failed with exit code " + p.exitValue());
      }
      return (System.nanoTime() - t) / 1e9;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot start the start-up probe: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
