package io.github.wenda.bot.cli;

import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.config.ConfigException;
import io.github.wenda.bot.config.Secret;
import io.github.wenda.bot.telegram.BotCatalog;
import io.github.wenda.bot.telegram.FeedbackLog;
import io.github.wenda.bot.telegram.ServiceAnswerer;
import io.github.wenda.bot.telegram.TelegramBotRunner;
import io.github.wenda.bot.telegram.TelegramSettings;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.api.Embedder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wenda telegram}: answers on Telegram by long polling until SIGTERM or Ctrl-C (exit 0). The
 * token comes only from env TELEGRAM_BOT_TOKEN: missing is exit 2, rejected by Telegram exit 1.
 */
@Command(
    name = "telegram",
    mixinStandardHelpOptions = true,
    description = "Run the Telegram bot (token from env TELEGRAM_BOT_TOKEN) until stopped.")
final class TelegramCommand implements Callable<Integer> {
  static final String TOKEN_ENV = "TELEGRAM_BOT_TOKEN";

  @ParentCommand WendaCommand parent;
  @Spec CommandSpec spec;

  @SuppressWarnings("try") // a lock or watch held for the scope, never named in it
  @Override
  public Integer call() throws Exception {
    Launch launch = parent.launch();
    Secret token = Secret.fromEnv(parent.env(), TOKEN_ENV);
    if (!token.isPresent()) {
      throw ConfigException.withoutKey(
          TOKEN_ENV
              + " is not set: create a bot with @BotFather, then run "
              + "TELEGRAM_BOT_TOKEN=<token> ./wenda telegram (README, \"Telegram\")");
    }
    TelegramSettings settings = TelegramSettings.from(launch.config());
    Embedder embedder = Answering.embedder();
    try (Retrieval r = launch.openRetrieval(embedder, ConsoleProgress.forTerminal());
        Launch.Watch watch = launch.watch(r)) {
      AnswerService service = Answering.service(launch, r, embedder);
      TelegramBotRunner runner =
          TelegramBotRunner.start(
              settings,
              token,
              new ServiceAnswerer(service, r, launch.retrieval().search().mode()),
              catalog(r, launch.retrieval().corpusDir()),
              new FeedbackLog(FeedbackLog.file(launch.dataDir())),
              launch.config().integer("conversation.max-turns"),
              TelegramBotRunner.journalFile(launch.dataDir()));
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Answering on Telegram as @"
              + runner.username()
              + " via "
              + settings.apiUrl()
              + "; stop with Ctrl-C or SIGTERM.");
      out.flush();
      runner.runUntilSignalled();
      out.println("Stopped.");
      return Main.OK;
    }
  }

  /** Document titles, and the first questions of the corpus's question set as examples. */
  static BotCatalog catalog(Retrieval r, Path corpusDir) {
    java.util.Set<String> failed =
        r.report().skipped().stream()
            .map(f -> f.file())
            .collect(java.util.stream.Collectors.toSet());
    List<String> titles =
        r.corpus().documents().stream()
            .filter(d -> !failed.contains(d.file()))
            .map(d -> d.info().title())
            .toList();
    List<String> examples = new ArrayList<>();
    Path questions = corpusDir.resolve("questions.jsonl");
    if (Files.isRegularFile(questions)) {
      try {
        for (String line : Files.readAllLines(questions)) {
          if (examples.size() >= 3) {
            break;
          }
          var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
          if (node != null && node.hasNonNull("question")) {
            examples.add(node.get("question").asText());
          }
        }
      } catch (IOException | RuntimeException e) {
        // examples are a nicety; /help works without them
      }
    }
    List<String> skipped =
        r.report().skipped().stream().map(f -> f.file() + " (" + f.reason() + ")").toList();
    return new BotCatalog(titles, examples, skipped);
  }
}
