package io.github.wenda.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.SentenceCheck;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.conversation.Turn;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.eval.QuestionFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wenda answer --questions FILE}: answers the questions in file order and writes one JSONL
 * line per question, whatever the question holds. Lines sharing a {@code "conversation"} value are
 * one conversation (a follow-up reads the earlier ones); other lines stand alone. LLM answers carry
 * the checker's verdict on each sentence.
 */
@Command(
    name = "answer",
    mixinStandardHelpOptions = true,
    description = "Answer every question of a JSONL file; print JSONL answers with citations.")
final class AnswerCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(AnswerCommand.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--questions",
      required = true,
      paramLabel = "FILE",
      description =
          "JSONL, one {\"id\",\"question\"} per line; lines with the same \"conversation\" are asked as one conversation.")
  Path questions;

  @Override
  public Integer call() throws Exception {
    Launch launch = parent.launch();
    List<Question> qs = QuestionFile.read(questions);
    PrintWriter out = spec.commandLine().getOut();
    Embedder embedder = Answering.embedder();
    try (Retrieval r = launch.openRetrieval(embedder, ConsoleProgress.forTerminal())) {
      AnswerService service = Answering.service(launch, r, embedder);
      List<Optional<String>> conversationIds = conversations(questions);
      int turns = Math.max(1, launch.config().integer("conversation.max-turns"));
      Map<String, Conversation> open = new HashMap<>();
      for (int i = 0; i < qs.size(); i++) {
        Optional<String> id =
            i < conversationIds.size() ? conversationIds.get(i) : Optional.empty();
        Conversation c =
            id.map(name -> open.computeIfAbsent(name, k -> new Conversation(turns)))
                .orElseGet(() -> new Conversation(1));
        ObjectNode line = line(qs.get(i), service, c);
        id.ifPresent(name -> line.put("conversation", name));
        out.println(JSON.writeValueAsString(line));
        out.flush();
      }
    }
    return Main.OK;
  }

  /**
   * The {@code "conversation"} of each non-blank line, in order (empty where there is none), as
   * QuestionFile reads them.
   */
  static List<Optional<String>> conversations(Path file) throws java.io.IOException {
    List<Optional<String>> out = new ArrayList<>();
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (raw.isBlank()) {
        continue;
      }
      JsonNode c;
      try {
        c = JSON.readTree(raw).get("conversation");
      } catch (java.io.IOException e) {
        c = null; // QuestionFile has already named the broken line
      }
      out.add(
          c == null || c.isNull() || c.asText().isBlank()
              ? Optional.empty()
              : Optional.of(c.asText()));
    }
    return out;
  }

  static ObjectNode line(Question q, AnswerService service) {
    return line(q, service, new Conversation(1));
  }

  static ObjectNode line(Question q, AnswerService service, Conversation conversation) {
    ObjectNode line = JSON.createObjectNode();
    line.put("id", q.id());
    line.put("question", q.question());
    Answer a;
    try {
      a = service.answer(conversation, q.question(), TokenSink.NONE);
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
    List<Turn> history = conversation.history();
    if (!history.isEmpty() && !history.get(history.size() - 1).searchedAs().equals(q.question())) {
      line.put("searched_as", history.get(history.size() - 1).searchedAs());
    }
    line.put("answer", a.text());
    if (!a.sentences().isEmpty()) {
      ArrayNode sentences = line.putArray("sentences");
      for (SentenceCheck s : a.sentences()) {
        ObjectNode o = sentences.addObject();
        o.put("text", s.text());
        ArrayNode cited = o.putArray("citations");
        s.citations().forEach(cited::add);
        o.put("supported", s.supported());
        o.put("reason", s.reason());
      }
    }
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
