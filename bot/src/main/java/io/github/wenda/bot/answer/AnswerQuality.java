package io.github.wenda.bot.answer;

import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.corpus.TextCleaner;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.search.Query;
import io.github.wenda.retrieval.search.Retriever;
import io.github.wenda.retrieval.search.SearchMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures answers, not passages: how often the answer text contains an expected answer, how
 * often answerable questions are wrongly declined and unanswerable ones rightly declined, and how
 * long composing takes on top of retrieval.
 */
public final class AnswerQuality {
  /** The figures of one run; {@code misses} are answerable questions whose answer lacks every expected string. */
  public record Report(int answerable, int containsExpected, int declinedAnswerable, int unanswerable,
      int declinedUnanswerable, double composeP50Ms, double answerP50Ms, List<String> misses,
      NoAnswerCalibration.Result suggested) {
    public double containsRate() {
      return answerable == 0 ? 0 : (double) containsExpected / answerable;
    }

    public double falseDeclineRate() {
      return answerable == 0 ? 0 : (double) declinedAnswerable / answerable;
    }
  }

  /** The share of answerable questions calibration may decline (README target: 3%). */
  static final double MAX_FALSE_DECLINES = 0.03;

  private final AnswerService service;
  private final Retriever retriever;
  private final int k;
  private final SearchMode mode;
  private final TextCleaner cleaner = new TextCleaner();

  public AnswerQuality(AnswerService service, Retriever retriever, int k, SearchMode mode) {
    this.service = service;
    this.retriever = retriever;
    this.k = k;
    this.mode = mode;
  }

  public Report run(List<Question> questions) {
    int answerable = 0, contains = 0, declinedAnswerable = 0, unanswerable = 0, declinedUnanswerable = 0;
    List<Double> compose = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    List<Evidence> answerableEvidence = new ArrayList<>();
    List<Evidence> unanswerableEvidence = new ArrayList<>();
    for (Question q : questions) {
      if (!q.scored()) {
        continue;
      }
      long t0 = System.nanoTime();
      retriever.search(new Query(q.question(), k, mode));
      long t1 = System.nanoTime();
      Answer a = service.answer(new Conversation(0), q.question(), k, mode, TokenSink.NONE);
      long t2 = System.nanoTime();
      total.add((t2 - t1) / 1e6);
      compose.add(Math.max(0, (t2 - t1) - (t1 - t0)) / 1e6);
      (q.answerable() ? answerableEvidence : unanswerableEvidence).add(service.assess(q.question()));
      if (q.answerable()) {
        answerable++;
        if (!a.found()) {
          declinedAnswerable++;
          misses.add(q.id() + " (declined) " + q.question());
        } else if (containsAny(a.text(), q.answers())) {
          contains++;
        } else {
          misses.add(q.id() + " " + q.question() + " expected " + q.answers());
        }
      } else {
        unanswerable++;
        if (!a.found()) {
          declinedUnanswerable++;
        } else {
          misses.add(q.id() + " (answered, should decline) " + q.question());
        }
      }
    }
    return new Report(answerable, contains, declinedAnswerable, unanswerable, declinedUnanswerable,
        median(compose), median(total), misses,
        NoAnswerCalibration.calibrate(answerableEvidence, unanswerableEvidence, MAX_FALSE_DECLINES));
  }

  private boolean containsAny(String text, List<String> expected) {
    String t = squeeze(cleaner.normalize(text));
    for (String e : expected) {
      if (t.contains(squeeze(cleaner.normalize(e)))) {
        return true;
      }
    }
    return false;
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return 0;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v[v.length / 2];
  }
}
