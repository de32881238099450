package io.github.wenda.bot.cli;

import io.github.wenda.retrieval.embed.BgeSmallZhEmbedder;

/**
 * Starts the background model load and exits {@code args[0]} ms later the way {@link Main#main}
 * does.
 */
public final class ExitDuringModelLoad {
  private ExitDuringModelLoad() {}

  public static void main(String[] args) throws InterruptedException {
    BgeSmallZhEmbedder.shared().prepare();
    Thread.sleep(Long.parseLong(args[0]));
    BgeSmallZhEmbedder.shared().awaitPrepared();
    System.exit(0);
  }
}
