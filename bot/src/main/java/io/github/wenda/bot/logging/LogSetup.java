package io.github.wenda.bot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.util.FileSize;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Wenda's whole logging set-up, in code: building it costs a few milliseconds where parsing {@code
 * logback.xml} cost about 0.4 s at every start.
 *
 * <p>Two promises. Nothing is ever written to stdout (JSONL commands print their results there),
 * and nothing is created outside {@code logDir}: before the data folder is known there is no log
 * file at all, only the stderr console. Logback's own status messages (a log file that cannot be
 * opened, say) are kept from its default printer, which writes to stdout; they go to stderr with
 * {@code verbose}, and nowhere otherwise.
 */
public final class LogSetup {
  // Telegram bot tokens look like 123456789:AA...; they are masked in messages and stack traces.
  private static final String SCRUB = "'[0-9]{3,}:[A-Za-z0-9_-]{20,}', '***'";
  static final String CONSOLE_PATTERN =
      "%-5level %logger{0}: %replace(%msg){" + SCRUB + "}%n%replace(%ex){" + SCRUB + "}%nopex";
  static final String FILE_PATTERN =
      "%d{ISO8601} %-5level [%thread] %logger{36}: %replace(%msg){"
          + SCRUB
          + "}%n%replace(%ex){"
          + SCRUB
          + "}%nopex";

  /** Events with this marker go to the log file only: what the user was already told on stderr. */
  public static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

  private LogSetup() {}

  /**
   * Replaces whatever {@code context} was doing: console on stderr (warnings, or debug with {@code
   * verbose}), and, when {@code logDir} is given, {@code wenda.log} there (info, or debug), rolled
   * daily and at 10 MB, a week and 100 MB kept.
   */
  public static void apply(LoggerContext context, Optional<Path> logDir, boolean verbose) {
    context.reset();
    // A registered listener stops logback printing its status messages to stdout.
    context.getStatusManager().add(new StderrStatus(verbose));
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(verbose ? Level.DEBUG : Level.INFO);
    root.addAppender(console(context, verbose ? Level.DEBUG : Level.WARN));
    logDir.flatMap(dir -> file(context, dir)).ifPresent(root::addAppender);
    // DJL's tokenizer warns about things it handles itself.
    context.getLogger("ai.djl").setLevel(Level.ERROR);
    context.getLogger("org.apache.lucene").setLevel(Level.WARN);
  }

  private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, Level threshold) {
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("STDERR");
    console.setTarget("System.err");
    ThresholdFilter filter = new ThresholdFilter();
    filter.setLevel(threshold.levelStr);
    filter.start();
    console.addFilter(filter);
    Filter<ILoggingEvent> fileOnly =
        new Filter<>() {
          @Override
          public FilterReply decide(ILoggingEvent event) {
            List<Marker> markers = event.getMarkerList();
            return markers != null && markers.contains(FILE_ONLY)
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
          }
        };
    fileOnly.setContext(context);
    fileOnly.start();
    console.addFilter(fileOnly);
    console.setEncoder(encoder(context, CONSOLE_PATTERN));
    console.start();
    return console;
  }

  private static Optional<RollingFileAppender<ILoggingEvent>> file(
      LoggerContext context, Path dir) {
    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName("FILE");
    file.setFile(dir.resolve("wenda.log").toString());
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(file);
    policy.setFileNamePattern(dir.resolve("wenda.%d{yyyy-MM-dd}.%i.log").toString());
    policy.setMaxFileSize(FileSize.valueOf("10MB"));
    policy.setMaxHistory(7);
    policy.setTotalSizeCap(FileSize.valueOf("100MB"));
    policy.start();
    file.setRollingPolicy(policy);
    file.setEncoder(encoder(context, FILE_PATTERN));
    file.start();
    // A folder that cannot be written (read-only data dir): run without a log file, never fail.
    return file.isStarted() ? Optional.of(file) : Optional.empty();
  }

  private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(pattern);
    encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
    encoder.start();
    return encoder;
  }

  /**
   * Logback's status messages: to stderr with --verbose (warnings and errors), dropped otherwise.
   */
  private static final class StderrStatus implements StatusListener {
    private final boolean verbose;

    StderrStatus(boolean verbose) {
      this.verbose = verbose;
    }

    @Override
    public void addStatusEvent(Status status) {
      if (verbose && status.getLevel() >= Status.WARN) {
        PrintStream err = System.err;
        err.println(
            "wenda: logging: "
                + status.getMessage()
                + (status.getThrowable() == null
                    ? ""
                    : " (" + status.getThrowable().getMessage() + ")"));
      }
    }

    @Override
    public boolean isResetResistant() {
      return false;
    }
  }
}
