package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.search.Hit;
import java.util.List;
import java.util.Objects;

/**
 * What Wenda replies. A found answer has text whose {@code [n]} markers refer to its citations; a
 * not-found answer has no text of its own, only the nearest passages as "possibly related".
 * {@code notes} are one-line remarks for the reader (question truncated, LLM unavailable so
 * answered extractively, documents are in Chinese …).
 */
public record Answer(boolean found, String text, List<Citation> citations, List<Hit> related, List<String> notes,
    List<SentenceCheck> sentences) {
  public Answer {
    sentences = List.copyOf(sentences);
    Objects.requireNonNull(text, "text");
    citations = List.copyOf(citations);
    related = List.copyOf(related);
    notes = List.copyOf(notes);
    if (found && text.isBlank()) {
      throw new IllegalArgumentException("a found answer needs text");
    }
  }

  public Answer(boolean found, String text, List<Citation> citations, List<Hit> related, List<String> notes) {
    this(found, text, citations, related, notes, List.of());
  }

  public static Answer found(String text, List<Citation> citations, List<String> notes) {
    return new Answer(true, text, citations, List.of(), notes);
  }

  public static Answer notFound(List<Hit> nearest, List<String> notes) {
    return new Answer(false, "", List.of(), nearest, notes);
  }

  /** The same answer carrying the checker's verdict on each sentence a model wrote. */
  public Answer withSentences(List<SentenceCheck> checked) {
    return new Answer(found, text, citations, related, notes, checked);
  }

  /** The same answer with one more note. */
  public Answer withNote(String note) {
    List<String> n = new java.util.ArrayList<>(notes);
    n.add(note);
    return new Answer(found, text, citations, related, n, sentences);
  }
}
