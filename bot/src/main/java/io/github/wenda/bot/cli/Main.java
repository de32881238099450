package io.github.wenda.bot.cli;

import io.github.wenda.bot.config.ConfigException;
import io.github.wenda.bot.console.TerminalSafeWriter;
import io.github.wenda.retrieval.api.WendaException;
import java.io.PrintWriter;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Entry point of {@code ./wenda}. Exit codes: 0 done, 1 error, 2 usage or configuration error, 3
 * (ask) the documents don't cover the question. Errors are one line on stderr; the stack trace
 * goes to the log file, and to stderr with {@code --verbose}.
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
    return run(new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8), args);
  }

  /** Runs a command line with the given output streams (tests capture them). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /**
   * As {@link #run(PrintWriter, PrintWriter, String...)}, reading settings and secrets from {@code env}
   * instead of the process environment (tests pass tokens and keys this way).
   */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    WendaCommand root = new WendaCommand(env);
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, root.verbose(), commandLine.getErr()));
    return cl.execute(args);
  }

  static int handle(Exception e, boolean verbose, PrintWriter err) {
    LoggerFactory.getLogger(Main.class).debug("command failed", e);
    if (e instanceof ConfigException) {
      err.println("wenda: " + TerminalSafeWriter.strip(e.getMessage()));
      return USAGE;
    }
    if (e instanceof WendaException || e instanceof IllegalArgumentException) {
      // Messages name files and values, which may hold control characters.
      err.println("wenda: " + TerminalSafeWriter.strip(String.valueOf(e.getMessage())));
    } else {
      err.println("wenda: unexpected error: " + TerminalSafeWriter.strip(String.valueOf(e))
          + " — this is a bug, please report it" + (verbose ? "" : " (run with --verbose for the stack trace)"));
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return ERROR;
  }
}
