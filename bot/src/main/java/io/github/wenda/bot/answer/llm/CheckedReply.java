package io.github.wenda.bot.answer.llm;

import io.github.wenda.bot.answer.Citation;
import java.util.List;
import java.util.Objects;

/**
 * An LLM reply after {@link CitationChecker}: the text with markers normalised to {@code [n]},
 * the passages it still cites (numbered as in the prompt, in order of first use), how many
 * markers pointed to no passage and were dropped, and how many sentences were marked or removed
 * as unsupported.
 */
public record CheckedReply(String text, List<Citation> citations, int droppedMarkers, int unsupportedSentences) {
  public CheckedReply {
    Objects.requireNonNull(text, "text");
    citations = List.copyOf(citations);
    if (droppedMarkers < 0 || unsupportedSentences < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, but are: " + droppedMarkers + " dropped, " + unsupportedSentences + " unsupported");
    }
  }

  /** True when no valid citation is left, so the reply can't be shown as a cited answer. */
  public boolean citesNothing() {
    return citations.isEmpty() || text.isBlank();
  }
}
