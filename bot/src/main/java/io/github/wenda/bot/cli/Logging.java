package io.github.wenda.bot.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Points logging at the data directory once settings are known. Logback configures itself on
 * first use from defaults; this re-reads {@code logback.xml} with the real log folder and console
 * level, so nothing lands in a stray {@code .wenda/} under the working directory.
 */
final class Logging {
  private Logging() {}

  static void configure(Path dataDir, boolean verbose) {
    System.setProperty("wenda.log.dir", dataDir.resolve("logs").toString());
    System.setProperty("wenda.console.level", verbose ? "DEBUG" : "WARN");
    System.setProperty("wenda.root.level", verbose ? "DEBUG" : "INFO");
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    URL config = Logging.class.getResource("/logback.xml");
    if (config == null) {
      return;
    }
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      System.err.println("wenda: logging setup failed: " + e.getMessage());
    }
  }
}
