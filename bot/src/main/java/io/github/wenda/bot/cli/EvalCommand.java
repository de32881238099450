package io.github.wenda.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.evaluation.AnswerQuality;
import io.github.wenda.bot.evaluation.FollowUpAnswers;
import io.github.wenda.bot.evaluation.FollowUpQuality;
import io.github.wenda.bot.evaluation.QuestionKinds;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.eval.EvalReport;
import io.github.wenda.retrieval.eval.Evaluator;
import io.github.wenda.retrieval.eval.FixedWindowBm25Baseline;
import io.github.wenda.retrieval.eval.ModeResult;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wenda eval}: retrieval quality of each mode over a labelled question set, side by side.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Measure recall@1/3/k, MRR@k and nDCG@k of each search mode over a question set.")
final class EvalCommand implements Callable<Integer> {
  private static final String FIXED_BM25 = "fixed-bm25";

  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--questions",
      paramLabel = "FILE",
      description =
          "JSONL with \"answers\" per question (default: questions.jsonl in the corpus folder).")
  Path questions;

  @Option(
      names = "--k",
      paramLabel = "N",
      description = "Cut-off for recall, MRR and nDCG (default: search.k).")
  Integer k;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "all",
      description = "all (default), hybrid, bm25, vector, or none (only --baseline).")
  String mode;

  @Option(
      names = "--baseline",
      paramLabel = "NAME",
      description =
          "Also score a plain baseline on the corpus folder's files, as one more row: "
              + "fixed-bm25 (BM25 over fixed windows of character bigrams, text as jsoup/PDFBox give it).")
  String baseline;

  @Option(
      names = "--baseline-window",
      paramLabel = "CHARS",
      defaultValue = "300",
      description = "Baseline window size in characters (default 300).")
  int baselineWindow;

  @Option(
      names = "--baseline-step",
      paramLabel = "CHARS",
      description = "Baseline window step in characters (default: the window size, no overlap).")
  Integer baselineStep;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Option(
      names = "--answers",
      description = "Also measure the offline answers: expected string contained, declines.")
  boolean answers;

  @Option(
      names = "--followups",
      paramLabel = "FILE",
      description =
          "Also measure follow-up rewriting on JSONL pairs {\"id\",\"first\",\"followup\",\"answers\"}.")
  Path followups;

  @Option(
      names = "--sweep",
      paramLabel = "KEY=V1,V2,…",
      description =
          "Evaluate every combination of these values (repeatable), e.g. --sweep chunk.max-chars=250,300 --sweep search.fusion=rrf,weighted.")
  List<String> sweep = new java.util.ArrayList<>();

  @Option(
      names = "--metric",
      paramLabel = "METRIC",
      defaultValue = "mrr",
      description = "Sweep: sort by mrr (default), recall, recall1 or ndcg.")
  String metric;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description =
          "Sweep: Markdown report (default: sweep/report.md in the data folder); the PNG chart goes beside it.")
  Path report;

  @Option(
      names = "--save",
      paramLabel = "FILE",
      description = "Sweep: write the best settings as a config file.")
  Path save;

  @Override
  public Integer call() throws Exception {
    if (!sweep.isEmpty()) {
      return SweepRun.run(this);
    }
    Launch launch = parent.launch();
    Path file =
        questions != null ? questions : launch.retrieval().corpusDir().resolve("questions.jsonl");
    List<Question> qs = QuestionFile.read(file);
    int n = k != null ? Options.checkK(k) : launch.retrieval().search().k();
    List<SearchMode> modes =
        switch (mode.strip().toLowerCase(java.util.Locale.ROOT)) {
          case "all" -> List.of(SearchMode.HYBRID, SearchMode.BM25, SearchMode.VECTOR);
          case "none" -> List.of();
          default -> List.of(Options.mode(mode));
        };
    if (baseline != null && !baseline.strip().equalsIgnoreCase(FIXED_BM25)) {
      throw usage("--baseline must be " + FIXED_BM25 + ", but is: " + baseline);
    }
    if (modes.isEmpty() && baseline == null) {
      throw usage("--mode none scores nothing without --baseline " + FIXED_BM25);
    }
    if (modes.isEmpty() && (answers || followups != null)) {
      throw usage("--answers and --followups need a search mode, but --mode is none");
    }
    int step = baselineStep != null ? baselineStep : baselineWindow;
    if (baseline != null
        && (baselineWindow < 10 || baselineWindow > 10_000 || step < 1 || step > baselineWindow)) {
      throw usage(
          "--baseline-window must be 10..10000 and --baseline-step 1..window, but they are: "
              + baselineWindow
              + " and "
              + step);
    }
    if (modes.isEmpty()) {
      // Only the baseline: Wenda's index is neither built nor opened (it may not read these files
      // yet).
      EvalReport report = withBaseline(emptyReport(qs, n), launch.retrieval().corpusDir(), qs, n);
      printReport(report, file, null, null, null);
      return Main.OK;
    }
    Embedder embedder = Answering.embedder();
    try (Retrieval r = launch.openRetrieval(embedder, ConsoleProgress.forTerminal())) {
      EvalReport report = new Evaluator(r, r.passages()).run(qs, n, modes);
      if (baseline != null) {
        report = withBaseline(report, launch.retrieval().corpusDir(), qs, n);
      }
      AnswerQuality.Report answerReport = null;
      if (answers) {
        AnswerService service = Answering.service(launch, r, embedder);
        answerReport =
            new AnswerQuality(service, n, launch.retrieval().search().mode())
                .run(qs, QuestionKinds.read(file));
      }
      FollowUpQuality.Report followReport = null;
      FollowUpAnswers.Report followAnswers = null;
      if (followups != null) {
        var pairs = FollowUpFile.read(followups);
        followReport =
            new FollowUpQuality(
                    r, Answering.rewriter(launch, r), n, launch.retrieval().search().mode())
                .run(pairs);
        followAnswers = new FollowUpAnswers(Answering.service(launch, r, embedder)).run(pairs);
      }
      printReport(report, file, answerReport, followReport, followAnswers);
    }
    return Main.OK;
  }

  private void printReport(
      EvalReport report,
      Path file,
      AnswerQuality.Report answerReport,
      FollowUpQuality.Report followReport,
      FollowUpAnswers.Report followAnswers)
      throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      var node = mapper.valueToTree(report);
      if (answerReport != null) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) node)
            .set("answers", mapper.valueToTree(answerReport));
      }
      if (followReport != null) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) node)
            .set("followups", mapper.valueToTree(followReport));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node)
            .set("followup_answers", mapper.valueToTree(followAnswers));
      }
      out.println(mapper.writeValueAsString(node));
    } else {
      print(report, file, out);
      if (answerReport != null) {
        print(answerReport, out);
      }
      if (followReport != null) {
        out.printf(
            "%nfollow-ups (%d pairs): recall@%d searched alone %.3f, with the earlier question %.3f%n",
            followReport.pairs(),
            report.k(),
            followReport.recallAlone(),
            followReport.recallRewritten());
        out.printf(
            "follow-up answers: expected string in the follow-up's answer %d/%d (%.3f), answered %d%n",
            followAnswers.hits(),
            followAnswers.pairs(),
            followAnswers.hitRate(),
            followAnswers.answered());
        followAnswers.misses().forEach(m -> out.println("  " + m));
      }
    }
    out.flush();
  }

  /** The report with the baseline's row appended; its corpus note goes to stderr, not the table. */
  private EvalReport withBaseline(EvalReport report, Path corpusDir, List<Question> qs, int n) {
    int step = baselineStep != null ? baselineStep : baselineWindow;
    try (FixedWindowBm25Baseline b =
        FixedWindowBm25Baseline.build(corpusDir, baselineWindow, step)) {
      spec.commandLine()
          .getErr()
          .printf(
              "baseline %s: %s, %d windows of %d characters every %d%s%n",
              FIXED_BM25,
              b.filesPerFormat(),
              b.passages().size(),
              baselineWindow,
              step,
              b.skipped().isEmpty()
                  ? ""
                  : "; not read: " + b.skipped().size() + " file(s) " + b.skipped());
      ModeResult row = new Evaluator(b, b.passages()).run(FIXED_BM25, qs, n, SearchMode.BM25);
      List<ModeResult> rows = new ArrayList<>(report.modes());
      rows.add(row);
      return new EvalReport(report.k(), report.answerable(), report.unanswerable(), rows);
    }
  }

  /** Exit code 2 with the usage, like picocli's own option errors. */
  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static EvalReport emptyReport(List<Question> qs, int n) {
    int answerable = (int) qs.stream().filter(Question::answerable).count();
    int unanswerable = (int) qs.stream().filter(q -> q.scored() && !q.answerable()).count();
    return new EvalReport(n, answerable, unanswerable, List.of());
  }

  static void print(AnswerQuality.Report a, PrintWriter out) {
    out.printf(
        "%nanswers (offline), %d answerable, %d near-topic, %d off-topic:%n",
        a.answerable(), a.nearTopic(), a.offTopic());
    out.printf(
        "  expected string in answer   %d/%d (%.1f%%)%n",
        a.containsExpected(), a.answerable(), 100 * a.containsRate());
    out.printf(
        "  ... in the first sentence   %d/%d (%.1f%%, lists not counted)%n",
        a.firstSentence(), a.answerable() - a.lists(), 100 * a.firstSentenceRate());
    out.printf(
        "  lists complete              %d/%d (%.1f%%)%n",
        a.listsComplete(), a.lists(), 100 * a.listCompleteRate());
    out.printf(
        "  answerable declined         %d (%.1f%%)%n",
        a.declinedAnswerable(), 100 * a.falseDeclineRate());
    out.printf(
        "  near-topic declined         %d/%d (%.1f%%)%n",
        a.declinedNearTopic(), a.nearTopic(), 100 * a.nearTopicDeclineRate());
    out.printf(
        "  off-topic declined          %d/%d (%.1f%%)%n",
        a.declinedOffTopic(), a.offTopic(), 100 * a.offTopicDeclineRate());
    out.printf(
        "  decline precision %.3f, recall %.3f; %d declined as \"mentioned but not stated\"%n",
        a.declinePrecision(), a.declineRecall(), a.notStated());
    out.printf(
        "  answers with ASCII , or : between Chinese characters %d (passage punctuation, quoted as written)%n",
        a.asciiPunctuation());
    out.printf(
        "  compose p50 %.1f ms beyond retrieval, answer p50 %.1f ms%n",
        a.composeP50Ms(), a.answerP50Ms());
    for (String miss : a.misses()) {
      out.println("  " + miss);
    }
    var s = a.suggested();
    if (s != null) {
      out.printf(
          "calibration: answer.min-coverage=%.2f answer.min-similarity=%.2f would decline %d/%d answerable, %d/%d unanswerable%n",
          s.minCoverage(),
          s.minSimilarity(),
          s.declinedAnswerable(),
          s.answerable(),
          s.declinedUnanswerable(),
          s.unanswerable());
    }
  }

  static void print(EvalReport report, Path file, PrintWriter out) {
    int k = report.k();
    out.printf(
        "%s: %d answerable questions (%d unanswerable not scored), k=%d%n%n",
        file, report.answerable(), report.unanswerable(), k);
    out.printf(
        "%-10s %9s %9s %9s %9s %9s %8s %8s%n",
        "mode", "recall@1", "recall@3", "recall@" + k, "MRR@" + k, "nDCG@" + k, "p50 ms", "p95 ms");
    for (ModeResult m : report.modes()) {
      out.printf(
          "%-10s %9.3f %9.3f %9.3f %9.3f %9.3f %8.1f %8.1f%n",
          m.label(),
          m.recallAt1(),
          m.recallAt3(),
          m.recallAtK(),
          m.mrrAtK(),
          m.ndcgAtK(),
          m.latencyP50Ms(),
          m.latencyP95Ms());
    }
    for (ModeResult m : report.modes()) {
      if (m.misses().isEmpty()) {
        continue;
      }
      out.printf("%nmisses (%s, not in top %d):%n", m.label(), k);
      for (ModeResult.Miss miss : m.misses()) {
        out.printf(
            "  %-6s %s  expected %s%n         top: %s%n",
            miss.id(),
            miss.question(),
            Arrays.toString(miss.answers().toArray()),
            miss.topPassage());
      }
    }
  }
}
