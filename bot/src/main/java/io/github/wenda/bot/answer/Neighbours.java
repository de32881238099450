package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.api.Passage;
import java.util.Optional;

/**
 * The passage that follows another in its document, so a list may be gathered past a passage's end.
 */
@FunctionalInterface
public interface Neighbours {
  Optional<Passage> next(Passage passage);

  static Neighbours none() {
    return p -> Optional.empty();
  }
}
