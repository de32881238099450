package io.github.wenda.bot.cli;

import ch.qos.logback.classic.LoggerContext;
import io.github.wenda.bot.logging.LogSetup;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Points logging at the data directory once settings are known: until then there is no log file, so
 * nothing lands in a stray {@code .wenda/} under the working directory.
 */
final class Logging {
  private Logging() {}

  static void configure(Path dataDir, boolean verbose) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      LogSetup.apply(context, Optional.of(dataDir.resolve("logs")), verbose);
    }
  }
}
