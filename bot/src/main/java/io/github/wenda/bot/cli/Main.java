package io.github.wenda.bot.cli;

import io.github.wenda.bot.config.ConfigException;
import io.github.wenda.bot.console.TerminalSafeWriter;
import io.github.wenda.bot.logging.LogSetup;
import io.github.wenda.retrieval.api.WendaException;
import java.io.PrintWriter;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of {@code ./wenda}. Exit codes: 0 done, 1 error, 2 usage or configuration error, 3
 * (ask) the documents don't cover the question. Errors are one line on stderr: a user's mistake
 * ({@link WendaException}) as its message, anything else as a bug to report; the stack trace goes
 * to the log file, and to stderr with {@code --verbose}.
 */
public final class Main {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    int code = run(args);
    // A command that answered before the model finished loading in the background (a greeting, a
    // usage error) must not exit under ONNX Runtime's feet: that crashes the JVM (exit 134).
    io.github.wenda.retrieval.embed.BgeSmallZhEmbedder.shared().awaitPrepared();
    System.exit(code);
  }

  public static int run(String... args) {
    return run(
        new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8),
        args);
  }

  /** Runs a command line with the given output streams (tests capture them). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /**
   * As {@link #run(PrintWriter, PrintWriter, String...)}, reading settings and secrets from {@code
   * env} instead of the process environment (tests pass tokens and keys this way).
   */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    WendaCommand root = new WendaCommand(env);
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> handle(e, root.verbose(), commandLine.getErr(), env));
    return cl.execute(args);
  }

  /**
   * Reports a failed command. A {@link WendaException} is the user's mistake (a setting, an option,
   * a file): its message alone, which names the offending value. Anything else is Wenda's bug: said
   * so, with the exception's one-line summary; the stack trace goes to the log file always and to
   * stderr with {@code --verbose}. Values of secret-holding variables in {@code env} never appear.
   */
  static int handle(Exception e, boolean verbose, PrintWriter err, Map<String, String> env) {
    Secrets secrets = Secrets.in(env);
    if (e instanceof WendaException) {
      LoggerFactory.getLogger(Main.class)
          .debug(LogSetup.FILE_ONLY, "command failed: {}", secrets.scrub(trace(e)));
      // Messages name files and values, which may hold control characters.
      err.println(
          "wenda: " + TerminalSafeWriter.strip(secrets.scrub(String.valueOf(e.getMessage()))));
      if (verbose) {
        err.print(TerminalSafeWriter.strip(secrets.scrub(trace(e))));
      }
      err.flush();
      return e instanceof ConfigException || e instanceof UsageException ? USAGE : ERROR;
    }
    String trace = secrets.scrub(trace(e));
    LoggerFactory.getLogger(Main.class).info(LogSetup.FILE_ONLY, "this is a bug: {}", trace);
    err.println(
        "wenda: this is a bug, please report it: "
            + TerminalSafeWriter.strip(secrets.scrub(summary(e)))
            + (verbose
                ? ""
                : " (the stack trace is in the data folder's logs/wenda.log, or run with --verbose)"));
    if (verbose) {
      err.print(TerminalSafeWriter.strip(trace));
    }
    err.flush();
    return ERROR;
  }

  /** One line: the exception's class and message, e.g. {@code IllegalStateException: no index}. */
  static String summary(Throwable e) {
    String message =
        e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    return e.getClass().getSimpleName() + message;
  }

  private static String trace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
