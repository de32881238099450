package io.github.wenda.bot.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Test helper: captures every log event at every level from every logger, and everything written to
 * System.out and System.err, for as long as it is open. It survives the logging reset each command
 * does at start ({@link Logging#configure}), and lets through loggers configured OFF.
 */
final class LogCapture implements AutoCloseable {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final TurboFilter everything =
      new TurboFilter() {
        @Override
        public FilterReply decide(
            Marker marker,
            Logger logger,
            Level level,
            String format,
            Object[] params,
            Throwable t) {
          return FilterReply.ACCEPT; // bypasses every level, TRACE and OFF loggers included
        }
      };
  private final Listener listener = new Listener();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;

  LogCapture() {
    attach();
    context.addListener(listener);
    PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
  }

  private void attach() {
    events.setContext(context);
    events.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
    everything.setContext(context);
    everything.start();
    context.addTurboFilter(everything);
  }

  /**
   * Every event so far: formatted message, then each throwable's class and message, one per line.
   */
  synchronized String logs() {
    StringBuilder b = new StringBuilder();
    for (ILoggingEvent e : new ArrayList<>(events.list)) {
      b.append(e.getLevel())
          .append(' ')
          .append(e.getLoggerName())
          .append(": ")
          .append(e.getFormattedMessage())
          .append('\n');
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        b.append("  ").append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
        for (IThrowableProxy s : t.getSuppressed()) {
          b.append("  suppressed ")
              .append(s.getClassName())
              .append(": ")
              .append(s.getMessage())
              .append('\n');
        }
      }
    }
    return b.toString();
  }

  int eventCount() {
    return events.list.size();
  }

  /** What reached System.out and System.err. */
  String console() {
    return console.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    context.removeListener(listener);
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(events);
    context.getTurboFilterList().remove(everything);
  }

  /** Puts the capture back after a reset, which removes appenders and turbo filters. */
  private final class Listener implements LoggerContextListener {
    @Override
    public boolean isResetResistant() {
      return true;
    }

    @Override
    public void onStart(LoggerContext c) {}

    @Override
    public void onReset(LoggerContext c) {
      attach();
    }

    @Override
    public void onStop(LoggerContext c) {}

    @Override
    public void onLevelChange(Logger logger, Level level) {}
  }
}
