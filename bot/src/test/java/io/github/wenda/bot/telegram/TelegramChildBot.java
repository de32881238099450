package io.github.wenda.bot.telegram;

import io.github.wenda.bot.config.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Main of the child JVM in {@link TelegramShutdownTest}: the bot against a given fake API, until
 * SIGTERM.
 */
public final class TelegramChildBot {
  private TelegramChildBot() {}

  public static void main(String[] args) {
    FakeAnswerer answerer = new FakeAnswerer();
    answerer.delayMs = Long.parseLong(args[1]);
    TelegramBotRunner runner =
        TelegramBotRunner.start(
            TelegramBotTest.settings(URI.create(args[0]), Set.of(), Set.of(), 4),
            Secret.fromEnv(Map.of("T", FakeBotApi.TOKEN), "T"),
            answerer,
            new BotCatalog(List.of(), List.of()),
            new FeedbackLog(Path.of(args[2])),
            5,
            Path.of(args.length > 3 ? args[3] : args[2] + ".updates"));
    System.out.println("READY");
    System.out.flush();
    runner.runUntilSignalled();
    System.out.println("STOPPED");
    System.out.flush();
    System.exit(0);
  }
}
