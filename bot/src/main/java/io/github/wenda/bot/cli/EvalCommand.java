package io.github.wenda.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wenda.bot.answer.AnswerQuality;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.FollowUpQuality;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.index.Embedder;
import io.github.wenda.retrieval.eval.EvalReport;
import io.github.wenda.retrieval.eval.Evaluator;
import io.github.wenda.retrieval.eval.ModeResult;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import io.github.wenda.retrieval.search.SearchMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wenda eval}: retrieval quality of each mode over a labelled question set, side by side. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure recall@1/3/k, MRR@k and nDCG@k of each search mode over a question set.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--questions", paramLabel = "FILE",
      description = "JSONL with \"answers\" per question (default: questions.jsonl in the corpus folder).")
  Path questions;

  @Option(names = "--k", paramLabel = "N", description = "Cut-off for recall, MRR and nDCG (default: search.k).")
  Integer k;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "all",
      description = "all (default), hybrid, bm25 or vector.")
  String mode;

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Option(names = "--answers", description = "Also measure the offline answers: expected string contained, declines.")
  boolean answers;

  @Option(names = "--followups", paramLabel = "FILE",
      description = "Also measure follow-up rewriting on JSONL pairs {\"id\",\"first\",\"followup\",\"answers\"}.")
  Path followups;

  @Option(names = "--sweep", paramLabel = "KEY=V1,V2,…",
      description = "Evaluate every combination of these values (repeatable), e.g. --sweep chunk.max-chars=250,300 --sweep search.fusion=rrf,weighted.")
  List<String> sweep = new java.util.ArrayList<>();

  @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "mrr",
      description = "Sweep: sort by mrr (default), recall, recall1 or ndcg.")
  String metric;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Sweep: Markdown report (default: sweep/report.md in the data folder); the PNG chart goes beside it.")
  Path report;

  @Option(names = "--save", paramLabel = "FILE", description = "Sweep: write the best settings as a config file.")
  Path save;

  @Override
  public Integer call() throws Exception {
    if (!sweep.isEmpty()) {
      return SweepRun.run(this);
    }
    Launch launch = parent.launch();
    Path file = questions != null ? questions : launch.retrieval().corpusDir().resolve("questions.jsonl");
    List<Question> qs = QuestionFile.read(file);
    int n = k != null ? Options.checkK(k) : launch.retrieval().search().k();
    List<SearchMode> modes = mode.equalsIgnoreCase("all")
        ? List.of(SearchMode.HYBRID, SearchMode.BM25, SearchMode.VECTOR)
        : List.of(SearchMode.parse(mode));
    Embedder embedder = Answering.embedder();
    try (Retrieval r = launch.openRetrieval(embedder, ConsoleProgress.forTerminal())) {
      EvalReport report = new Evaluator(r, r.passages()).run(qs, n, modes);
      AnswerQuality.Report answerReport = null;
      if (answers) {
        AnswerService service = Answering.service(launch, r, embedder);
        answerReport = new AnswerQuality(service, r, n, launch.retrieval().search().mode()).run(qs);
      }
      FollowUpQuality.Report followReport = null;
      io.github.wenda.bot.conversation.FollowUpAnswers.Report followAnswers = null;
      if (followups != null) {
        var pairs = FollowUpFile.read(followups);
        followReport = new FollowUpQuality(r, Answering.rewriter(launch, r), n, launch.retrieval().search().mode()).run(pairs);
        followAnswers = new io.github.wenda.bot.conversation.FollowUpAnswers(Answering.service(launch, r, embedder)).run(pairs);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        var node = mapper.valueToTree(report);
        if (answerReport != null) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("answers", mapper.valueToTree(answerReport));
        }
        if (followReport != null) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("followups", mapper.valueToTree(followReport));
          ((com.fasterxml.jackson.databind.node.ObjectNode) node).set("followup_answers", mapper.valueToTree(followAnswers));
        }
        out.println(mapper.writeValueAsString(node));
      } else {
        print(report, file, out);
        if (answerReport != null) {
          print(answerReport, out);
        }
        if (followReport != null) {
          out.printf("%nfollow-ups (%d pairs): recall@%d searched alone %.3f, with the earlier question %.3f%n",
              followReport.pairs(), n, followReport.recallAlone(), followReport.recallRewritten());
          out.printf("follow-up answers: expected string in the follow-up's answer %d/%d (%.3f), answered %d%n",
              followAnswers.hits(), followAnswers.pairs(), followAnswers.hitRate(), followAnswers.answered());
          followAnswers.misses().forEach(m -> out.println("  " + m));
        }
      }
      out.flush();
    }
    return Main.OK;
  }

  static void print(AnswerQuality.Report a, PrintWriter out) {
    out.printf("%nanswers (%s): expected string in answer %d/%d (%.1f%%); answerable declined %d (%.1f%%); "
            + "unanswerable declined %d/%d; compose p50 %.1f ms, answer p50 %.1f ms%n",
        "offline", a.containsExpected(), a.answerable(), 100 * a.containsRate(), a.declinedAnswerable(),
        100 * a.falseDeclineRate(), a.declinedUnanswerable(), a.unanswerable(), a.composeP50Ms(), a.answerP50Ms());
    for (String miss : a.misses()) {
      out.println("  " + miss);
    }
    var s = a.suggested();
    if (s != null) {
      out.printf("calibration: answer.min-coverage=%.2f answer.min-similarity=%.2f would decline %d/%d answerable, %d/%d unanswerable%n",
          s.minCoverage(), s.minSimilarity(), s.declinedAnswerable(), s.answerable(), s.declinedUnanswerable(), s.unanswerable());
    }
  }

  static void print(EvalReport report, Path file, PrintWriter out) {
    int k = report.k();
    out.printf("%s: %d answerable questions (%d unanswerable not scored), k=%d%n%n", file, report.answerable(), report.unanswerable(), k);
    out.printf("%-8s %9s %9s %9s %9s %9s %8s %8s%n", "mode", "recall@1", "recall@3", "recall@" + k, "MRR@" + k, "nDCG@" + k, "p50 ms", "p95 ms");
    for (ModeResult m : report.modes()) {
      out.printf("%-8s %9.3f %9.3f %9.3f %9.3f %9.3f %8.1f %8.1f%n", m.mode().label(), m.recallAt1(), m.recallAt3(),
          m.recallAtK(), m.mrrAtK(), m.ndcgAtK(), m.latencyP50Ms(), m.latencyP95Ms());
    }
    for (ModeResult m : report.modes()) {
      if (m.misses().isEmpty()) {
        continue;
      }
      out.printf("%nmisses (%s, not in top %d):%n", m.mode().label(), k);
      for (ModeResult.Miss miss : m.misses()) {
        out.printf("  %-6s %s  expected %s%n         top: %s%n", miss.id(), miss.question(), Arrays.toString(miss.answers().toArray()), miss.topPassage());
      }
    }
  }
}
