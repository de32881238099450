package io.github.wenda.bot.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Optional;

/**
 * Logback's first configuration, found through {@code META-INF/services}: stderr console only,
 * quiet. The log file is added once the data folder is known ({@link LogSetup#apply}), so an early
 * log line never creates {@code .wenda/logs} in the working directory.
 */
public final class WendaLogConfigurator extends ContextAwareBase implements Configurator {
  public WendaLogConfigurator() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    LogSetup.apply(context, Optional.empty(), false);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
