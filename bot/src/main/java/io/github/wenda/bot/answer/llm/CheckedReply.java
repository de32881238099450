package io.github.wenda.bot.answer.llm;

import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.SentenceCheck;
import java.util.List;
import java.util.Objects;

/**
 * An LLM reply after {@link CitationChecker}: the text to show (markers normalised to {@code [n]},
 * unsupported sentences marked or removed, uncited ones marked, a cut-off last sentence left out),
 * the passages it uses (numbered as in the prompt, in order of first use), how many markers pointed
 * to no passage, how many sentences with checkable content were unsupported and supported, the
 * verdict on each sentence, whether the model said the passages don't answer, and whether the reply
 * was cut off.
 */
public record CheckedReply(
    String text,
    List<Citation> citations,
    int droppedMarkers,
    int unsupportedSentences,
    int supportedSentences,
    List<SentenceCheck> sentences,
    boolean declined,
    boolean cut) {
  public CheckedReply {
    Objects.requireNonNull(text, "text");
    citations = List.copyOf(citations);
    sentences = List.copyOf(sentences);
    if (droppedMarkers < 0 || unsupportedSentences < 0 || supportedSentences < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0, but are: "
              + droppedMarkers
              + " dropped, "
              + unsupportedSentences
              + " unsupported, "
              + supportedSentences
              + " supported");
    }
  }

  /** What the reader gets, as the check decides it. */
  public enum Outcome {
    /** Every claim supported. */
    ANSWER,
    /** Some claims unsupported: shown marked, or removed. */
    PARTIAL,
    /** Nothing supported, or the model said the passages don't answer. */
    NOT_FOUND
  }

  public Outcome outcome() {
    if (declined || supportsNothing()) {
      return Outcome.NOT_FOUND;
    }
    return unsupportedSentences > 0 ? Outcome.PARTIAL : Outcome.ANSWER;
  }

  /**
   * True when nothing the reply says was found in the passages, so it can't be shown as an answer.
   */
  public boolean supportsNothing() {
    return supportedSentences == 0 || text.isBlank();
  }
}
