package io.github.wenda.bot.cli;

import io.github.wenda.bot.answer.llm.Vocabulary;
import io.github.wenda.bot.evaluation.CheckerEvaluation;
import io.github.wenda.retrieval.Retrieval;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wenda checker}: runs the LLM answer checker over scripted model replies with known
 * verdicts and prints its precision and recall; word rarity comes from the index, as in use.
 */
@Command(
    name = "checker",
    mixinStandardHelpOptions = true,
    description =
        "Measure the LLM answer checker on scripted replies: wrong claims flagged (recall), precision, faithful claims passed.")
final class CheckerCommand implements Callable<Integer> {
  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--replies",
      paramLabel = "FILE",
      description =
          "JSONL of passages and scripted replies (default: eval/checker/replies.jsonl in the Wenda folder).")
  Path replies;

  @Override
  public Integer call() throws Exception {
    Launch launch = parent.launch();
    Path file = replies != null ? replies : launch.home().resolve("eval/checker/replies.jsonl");
    var cases = CheckerEvaluation.read(file);
    PrintWriter out = spec.commandLine().getOut();
    try (Retrieval r = launch.openRetrieval(Answering.embedder(), ConsoleProgress.forTerminal())) {
      CheckerEvaluation.Report report =
          new CheckerEvaluation(Vocabulary.fromIdf(r::idf)).run(cases);
      out.print(report.describe());
      out.flush();
      return report.recall() == 1.0 && report.faithfulPassRate() >= 0.9 ? Main.OK : 1;
    }
  }
}
