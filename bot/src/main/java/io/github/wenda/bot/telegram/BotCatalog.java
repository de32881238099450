package io.github.wenda.bot.telegram;

import java.util.List;

/**
 * What /help and /sources tell users: the document titles, a few example questions, and the files
 * that could not be indexed ("file (reason)"), so users know what the bot does not know.
 */
public record BotCatalog(List<String> documents, List<String> examples, List<String> skipped) {
  public BotCatalog {
    documents = List.copyOf(documents);
    examples = List.copyOf(examples);
    skipped = List.copyOf(skipped);
  }

  public BotCatalog(List<String> documents, List<String> examples) {
    this(documents, examples, List.of());
  }
}
