package io.github.wenda.bot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code wenda}: the options every command shares, and the list of commands. */
@Command(
    name = "wenda",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Answers questions from a document collection, citing the passages it quotes.",
    subcommands = {
      ConsoleCommand.class,
      AskCommand.class,
      AnswerCommand.class,
      IndexCommand.class,
      RetrieveCommand.class,
      EvalCommand.class,
      CheckerCommand.class,
      ExplainCommand.class,
      BenchCommand.class,
      TelegramCommand.class,
      FeedbackCommand.class
    })
public final class WendaCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "Settings file (default: config/wenda.yaml in the Wenda folder, or env WENDA_CONFIG).")
  Path config;

  @Option(
      names = "--set",
      scope = ScopeType.INHERIT,
      paramLabel = "KEY=VALUE",
      description =
          "Override one setting, e.g. --set search.k=8 (repeatable; wins over file and env).")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show debug logging and stack traces on stderr.")
  boolean verbose;

  @Spec CommandSpec spec;

  private final Map<String, String> env;

  WendaCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** The environment settings and secrets are read from. */
  Map<String, String> env() {
    return env;
  }

  boolean verbose() {
    return verbose;
  }

  /** No command: the console, as a person running {@code ./wenda} expects. */
  @Override
  public Integer call() throws Exception {
    return ConsoleCommand.run(launch());
  }

  /** Settings and logging for a subcommand, from this command's options. */
  Launch launch() {
    return Launch.from(config, overrides(), verbose, env);
  }

  /**
   * Every {@code --set}, in command-line order, wherever it was given: before the subcommand's name
   * and after it. An inherited option has one field, which picocli empties when the subcommand's
   * copy of the option is first matched, so the field alone would keep only the later ones ({@code
   * ./wenda --set corpus.dir=x eval --set search.k=3} evaluated the bundled corpus); each level's
   * parse result keeps its own.
   */
  List<String> overrides() {
    CommandLine.ParseResult level = spec.commandLine().getParseResult();
    if (level == null) {
      return List.copyOf(overrides);
    }
    List<String> all = new ArrayList<>();
    for (; level != null; level = level.subcommand()) {
      CommandLine.Model.OptionSpec set = level.matchedOption("--set");
      if (set != null) {
        all.addAll(set.originalStringValues());
      }
    }
    return all;
  }
}
