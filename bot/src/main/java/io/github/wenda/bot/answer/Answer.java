package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.api.Hit;
import java.util.List;
import java.util.Objects;

/**
 * What Wenda replies, in one of three states. Answered: {@code found}, with text whose {@code [n]}
 * markers refer to its citations, its first line the answer-bearing sentence and {@code span} the
 * short answer inside it (empty when the question wants no typed span). Not stated: not found,
 * {@code text} says what the documents mention and what they do not say, {@code related} holds the
 * nearest passages. Not covered: not found, no text, only {@code related}. {@code notes} are
 * one-line remarks for the reader (question truncated, LLM unavailable …); {@code sentences} the
 * claim checker's verdict on each sentence of an LLM answer (empty for extractive answers).
 */
public record Answer(
    boolean found,
    String text,
    List<Citation> citations,
    List<Hit> related,
    List<String> notes,
    String span,
    List<SentenceCheck> sentences) {
  public Answer {
    sentences = List.copyOf(sentences);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(span, "span");
    citations = List.copyOf(citations);
    related = List.copyOf(related);
    notes = List.copyOf(notes);
    if (found && text.isBlank()) {
      throw new IllegalArgumentException("a found answer needs text");
    }
  }

  public Answer(
      boolean found, String text, List<Citation> citations, List<Hit> related, List<String> notes) {
    this(found, text, citations, related, notes, "", List.of());
  }

  public Answer(
      boolean found,
      String text,
      List<Citation> citations,
      List<Hit> related,
      List<String> notes,
      String span) {
    this(found, text, citations, related, notes, span, List.of());
  }

  public static Answer found(String text, List<Citation> citations, List<String> notes) {
    return new Answer(true, text, citations, List.of(), notes, "");
  }

  /** An answer whose first line holds {@code span}, the short answer to mark. */
  public static Answer found(
      String text, List<Citation> citations, List<String> notes, String span) {
    return new Answer(true, text, citations, List.of(), notes, span);
  }

  /**
   * Not covered: the documents do not speak of this; {@code nearest} are shown as possibly related.
   */
  public static Answer notFound(List<Hit> nearest, List<String> notes) {
    return new Answer(false, "", List.of(), nearest, notes, "");
  }

  /**
   * Not stated: the documents mention what is asked about but do not say what is asked ({@code
   * message}).
   */
  public static Answer notStated(String message, List<Hit> related, List<String> notes) {
    if (message.isBlank()) {
      throw new IllegalArgumentException("a not-stated answer needs its message");
    }
    return new Answer(false, message, List.of(), related, notes, "");
  }

  /**
   * Whether this is the middle state: the documents mention the subject but do not say the answer.
   */
  public boolean notStated() {
    return !found && !text.isBlank();
  }

  /** The same answer carrying the checker's verdict on each sentence a model wrote. */
  public Answer withSentences(List<SentenceCheck> checked) {
    return new Answer(found, text, citations, related, notes, span, checked);
  }

  /** The same answer with one more note. */
  public Answer withNote(String note) {
    List<String> n = new java.util.ArrayList<>(notes);
    n.add(note);
    return new Answer(found, text, citations, related, n, span, sentences);
  }
}
