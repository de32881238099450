package io.github.wenda.bot.cli;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.console.TerminalSafeWriter;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.render.PlainTextRenderer;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.SearchMode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wenda ask "question"}: answers once. Exit 0 when answered, 3 when the documents don't
 * cover it.
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = "Answer one question and exit (0 answered, 3 not covered by the documents).")
final class AskCommand implements Callable<Integer> {
  static final int NOT_COVERED = 3;

  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "QUESTION",
      description = "The question (words are joined with spaces).")
  String[] words;

  @Option(
      names = "--k",
      paramLabel = "N",
      description = "Passages to retrieve (default: search.k).")
  Integer k;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "hybrid, bm25 or vector (default: search.mode).")
  String mode;

  @Option(names = "--debug", description = "Show score details for each source.")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    Launch launch = parent.launch();
    String question = String.join(" ", words);
    int n = k != null ? Options.checkK(k) : launch.retrieval().search().k();
    SearchMode m = mode != null ? Options.mode(mode) : launch.retrieval().search().mode();
    Embedder embedder = Answering.embedder();
    try (Retrieval r = launch.openRetrieval(embedder, ConsoleProgress.forTerminal())) {
      AnswerService service = Answering.service(launch, r, embedder);
      Answer answer = service.answer(new Conversation(0), question, n, m, TokenSink.NONE);
      TextStyle style =
          System.console() != null && System.getenv("NO_COLOR") == null
              ? TextStyle.ANSI
              : TextStyle.PLAIN;
      // Titles and passages come from documents: no escape sequence of theirs reaches the terminal.
      PrintWriter out =
          TerminalSafeWriter.wrap(
              spec.commandLine().getOut(),
              style == TextStyle.ANSI ? TerminalSafeWriter.WENDA_COLOURS : java.util.Set.of());
      out.print(new PlainTextRenderer(style).render(answer, Language.detect(question), debug));
      out.flush();
      return answer.found() ? Main.OK : NOT_COVERED;
    }
  }
}
