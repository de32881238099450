package io.github.wenda.bot.telegram;

import java.util.List;

/** What /help and /sources tell users: the document titles and a few example questions. */
public record BotCatalog(List<String> documents, List<String> examples) {
  public BotCatalog {
    documents = List.copyOf(documents);
    examples = List.copyOf(examples);
  }
}
