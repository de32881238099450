package io.github.wenda.bot.answer;

import io.github.wenda.bot.conversation.Turn;
import io.github.wenda.bot.question.QuestionAnalysis;
import io.github.wenda.bot.question.QuestionAnalyzer;
import java.util.List;
import java.util.Objects;

/**
 * A question as the composer sees it: the user's words, the language to answer in ({@code zh},
 * {@code en}, … as detected from the question), the conversation so far (oldest first), the text
 * that was searched (the question made standalone or translated; else the question), and the
 * analysis of that text, made once and shared with search and the decline decision.
 */
public record AnswerRequest(
    String question,
    String language,
    List<Turn> history,
    String searchedAs,
    QuestionAnalysis analysis) {
  private static final class Default {
    static final QuestionAnalyzer ANALYZER = new QuestionAnalyzer();
  }

  public AnswerRequest {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(searchedAs, "searchedAs");
    Objects.requireNonNull(analysis, "analysis");
    history = List.copyOf(history);
  }

  /** Analysed without document aliases (tests, callers outside a running pipeline). */
  public AnswerRequest(String question, String language, List<Turn> history, String searchedAs) {
    this(question, language, history, searchedAs, Default.ANALYZER.analyze(searchedAs));
  }

  public AnswerRequest(String question, String language, List<Turn> history) {
    this(question, language, history, question);
  }

  public static AnswerRequest of(String question) {
    return new AnswerRequest(question, Language.detect(question), List.of());
  }
}
