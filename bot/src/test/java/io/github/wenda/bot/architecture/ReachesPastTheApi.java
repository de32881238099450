package io.github.wenda.bot.architecture;

import io.github.wenda.retrieval.api.CorpusOptions;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import java.nio.file.Path;

/**
 * A bot class that loads the corpus itself instead of asking the facade: the boundary rule must
 * report it.
 */
final class ReachesPastTheApi {
  int documents(Path dir) {
    return new CorpusLoader(dir, CorpusOptions.ofMegabytes(false, 50)).load().documents().size();
  }
}
