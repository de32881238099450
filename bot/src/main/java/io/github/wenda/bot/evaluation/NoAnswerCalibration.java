package io.github.wenda.bot.evaluation;

import io.github.wenda.bot.answer.Evidence;
import io.github.wenda.bot.answer.NoAnswerPolicy;
import java.util.List;

/**
 * Finds no-answer thresholds from labelled evidence: among a grid of (min coverage, min
 * similarity), the pair that declines the most unanswerable questions while wrongly declining at
 * most {@code maxFalseDeclines} of the answerable ones; ties go to the least strict pair, which
 * loses the fewest good answers.
 */
public final class NoAnswerCalibration {
  /** A suggested policy and what it does on the question set. */
  public record Result(
      double minCoverage,
      double minSimilarity,
      int declinedAnswerable,
      int answerable,
      int declinedUnanswerable,
      int unanswerable) {}

  private NoAnswerCalibration() {}

  public static Result calibrate(
      List<Evidence> answerable, List<Evidence> unanswerable, double maxFalseDeclineRate) {
    Result best = null;
    for (int c = 0; c <= 100; c += 2) {
      for (int s = 50; s <= 100; s += 1) {
        NoAnswerPolicy p = new NoAnswerPolicy(c / 100.0, s / 100.0, 1);
        int falseDeclines = (int) answerable.stream().filter(p::declines).count();
        if (falseDeclines > maxFalseDeclineRate * answerable.size()) {
          continue;
        }
        int rightDeclines = (int) unanswerable.stream().filter(p::declines).count();
        Result r =
            new Result(
                c / 100.0,
                s / 100.0,
                falseDeclines,
                answerable.size(),
                rightDeclines,
                unanswerable.size());
        if (best == null || better(r, best)) {
          best = r;
        }
      }
    }
    return best;
  }

  private static boolean better(Result a, Result b) {
    if (a.declinedUnanswerable() != b.declinedUnanswerable()) {
      return a.declinedUnanswerable() > b.declinedUnanswerable();
    }
    if (a.declinedAnswerable() != b.declinedAnswerable()) {
      return a.declinedAnswerable() < b.declinedAnswerable();
    }
    return a.minCoverage() + a.minSimilarity() < b.minCoverage() + b.minSimilarity();
  }
}
