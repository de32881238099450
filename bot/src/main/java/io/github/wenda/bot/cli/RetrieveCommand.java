package io.github.wenda.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wenda retrieve}: the passages for each question of a JSONL file, as JSONL in input order.
 * Only results go to stdout, so it can be piped.
 */
@Command(
    name = "retrieve",
    mixinStandardHelpOptions = true,
    description = "Print the top passages for each question of a JSONL file, as JSONL.")
final class RetrieveCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(RetrieveCommand.class);

  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--questions",
      required = true,
      paramLabel = "FILE",
      description = "JSONL, one {\"id\",\"question\"} per line.")
  Path questions;

  @Option(
      names = "--k",
      paramLabel = "N",
      description = "Passages per question (default: search.k).")
  Integer k;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "hybrid, bm25 or vector (default: search.mode).")
  String mode;

  @Override
  public Integer call() throws Exception {
    Launch launch = parent.launch();
    List<Question> qs = QuestionFile.read(questions);
    int n = k != null ? Options.checkK(k) : launch.retrieval().search().k();
    SearchMode m = mode != null ? Options.mode(mode) : launch.retrieval().search().mode();
    PrintWriter out = spec.commandLine().getOut();
    try (Retrieval r = launch.openRetrieval(ConsoleProgress.forTerminal())) {
      for (Question q : qs) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", q.id());
        line.put("question", q.question());
        ArrayNode passages = line.putArray("passages");
        try {
          for (Hit h : r.search(new Query(q.question(), n, m))) {
            passages.add(Json.passage(h));
          }
        } catch (RuntimeException e) {
          // One bad question must not cost the results of the others: its line says what went
          // wrong.
          log.error(
              "question {}: unexpected error: {} (this is a bug, please report it)",
              q.id(),
              e.toString());
          log.debug("stack trace", e);
          passages.removeAll();
          line.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
        }
        out.println(JSON.writeValueAsString(line));
      }
      out.flush();
    }
    return Main.OK;
  }
}
