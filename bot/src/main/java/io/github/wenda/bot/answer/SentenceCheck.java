package io.github.wenda.bot.answer;

import java.util.List;
import java.util.Objects;

/**
 * The checker's verdict on one sentence of a model-written answer: the sentence as the model wrote
 * it (markers normalised), the passages it cites ({@code [n]} numbers; empty when uncited), whether
 * its checkable content was found in them, and why — for the {@code answer} JSONL and for audits.
 */
public record SentenceCheck(
    String text, List<Integer> citations, boolean supported, String reason) {
  public SentenceCheck {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reason, "reason");
    citations = List.copyOf(citations);
  }
}
