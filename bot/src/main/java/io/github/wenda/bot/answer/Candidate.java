package io.github.wenda.bot.answer;

import java.util.Optional;

/**
 * One sentence of a retrieved passage, scored as an answer: {@code hit} is its passage's index in
 * the hits, {@code index} its place among the passage's sentences, {@code start}..{@code end} its
 * bounds in the passage's display text. {@code instance} is the typed answer it carries bound to
 * the question (the date of 何时 …), {@code clause} the display clause holding it, {@code binding}
 * how surely it is tied to the question's words (1 same clause, less further away, 0 none).
 */
record Candidate(
    int hit,
    int index,
    int start,
    int end,
    String text,
    String match,
    double coverage,
    double score,
    Optional<String> instance,
    Optional<String> clause,
    double binding,
    boolean answerLike) {
  Candidate withScore(double s) {
    return new Candidate(
        hit, index, start, end, text, match, coverage, s, instance, clause, binding, answerLike);
  }
}
