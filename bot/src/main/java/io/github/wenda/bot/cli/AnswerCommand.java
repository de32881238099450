package io.github.wenda.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import io.github.wenda.retrieval.index.Embedder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wenda answer --questions FILE}: answers each question on its own (no shared memory) and
 * writes one JSONL line per question in input order, whatever the question holds.
 */
@Command(name = "answer", mixinStandardHelpOptions = true,
    description = "Answer every question of a JSONL file; print JSONL answers with citations.")
final class AnswerCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(AnswerCommand.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--questions", required = true, paramLabel = "FILE",
      description = "JSONL, one {\"id\",\"question\"} per line.")
  Path questions;

  @Override
  public Integer call() throws Exception {
    Launch launch = parent.launch();
    List<Question> qs = QuestionFile.read(questions);
    PrintWriter out = spec.commandLine().getOut();
    Embedder embedder = Answering.embedder();
    try (Retrieval r = launch.openRetrieval(embedder, ConsoleProgress.forTerminal())) {
      AnswerService service = Answering.service(launch, r, embedder);
      for (Question q : qs) {
        out.println(JSON.writeValueAsString(line(q, service)));
        out.flush();
      }
    }
    return Main.OK;
  }

  static ObjectNode line(Question q, AnswerService service) {
    ObjectNode line = JSON.createObjectNode();
    line.put("id", q.id());
    line.put("question", q.question());
    Answer a;
    try {
      a = service.answer(new Conversation(0), q.question(), TokenSink.NONE);
    } catch (RuntimeException e) {
      // One bad question must not cost the answers to the others.
      log.warn("question {} failed: {}", q.id(), e.toString(), e);
      line.put("found", false);
      line.put("answer", "");
      line.putArray("citations");
      line.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
      return line;
    }
    line.put("found", a.found());
    line.put("answer", a.text());
    ArrayNode citations = line.putArray("citations");
    for (Citation c : a.citations()) {
      ObjectNode o = citations.addObject();
      o.put("n", c.n());
      o.put("doc", c.passage().docId());
      o.put("title", c.passage().title());
      o.put("passage", c.passage().ordinal());
      o.put("section", c.passage().section());
      c.passage().pageNumber().ifPresent(page -> o.put("page", page));
      o.put("text", c.passage().text());
      Json.also(o, c.hit());
    }
    if (!a.found() && !a.related().isEmpty()) {
      ArrayNode related = line.putArray("related");
      a.related().forEach(h -> related.add(Json.passage(h)));
    }
    if (!a.notes().isEmpty()) {
      ArrayNode notes = line.putArray("notes");
      a.notes().forEach(notes::add);
    }
    return line;
  }
}
