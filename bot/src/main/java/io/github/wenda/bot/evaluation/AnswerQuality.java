package io.github.wenda.bot.evaluation;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Evidence;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.text.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures answers, not passages: how often the answer text contains an expected answer, how often
 * answerable questions are wrongly declined and unanswerable ones rightly declined, and how long
 * composing takes on top of retrieval.
 */
public final class AnswerQuality {
  /**
   * The figures of one run. Answerable questions: {@code containsExpected} answers hold an expected
   * string, {@code firstSentence} hold it in their first line (the answer-bearing sentence; lists
   * not counted); list questions ({@code "kind":"list"}) are complete when every item is there.
   * Declines are counted per kind: answerable, near-topic (details the documents don't give about
   * things they mention) and off-topic. {@code asciiPunctuation} counts answers with an ASCII comma
   * or colon between Chinese characters. {@code misses} are the failures, one line each.
   */
  public record Report(
      int answerable,
      int containsExpected,
      int firstSentence,
      int lists,
      int listsComplete,
      int declinedAnswerable,
      int unanswerable,
      int declinedUnanswerable,
      int nearTopic,
      int declinedNearTopic,
      int offTopic,
      int declinedOffTopic,
      int notStated,
      int asciiPunctuation,
      double composeP50Ms,
      double answerP50Ms,
      List<String> misses,
      NoAnswerCalibration.Result suggested) {
    public double containsRate() {
      return answerable == 0 ? 0 : (double) containsExpected / answerable;
    }

    public double firstSentenceRate() {
      return answerable - lists == 0 ? 0 : (double) firstSentence / (answerable - lists);
    }

    public double listCompleteRate() {
      return lists == 0 ? 0 : (double) listsComplete / lists;
    }

    public double falseDeclineRate() {
      return answerable == 0 ? 0 : (double) declinedAnswerable / answerable;
    }

    public double nearTopicDeclineRate() {
      return nearTopic == 0 ? 0 : (double) declinedNearTopic / nearTopic;
    }

    public double offTopicDeclineRate() {
      return offTopic == 0 ? 0 : (double) declinedOffTopic / offTopic;
    }

    /** Of the questions declined, the share that should have been. */
    public double declinePrecision() {
      int declined = declinedUnanswerable + declinedAnswerable;
      return declined == 0 ? 1 : (double) declinedUnanswerable / declined;
    }

    /** Of the unanswerable questions, the share declined. */
    public double declineRecall() {
      return unanswerable == 0 ? 0 : (double) declinedUnanswerable / unanswerable;
    }
  }

  /** The share of answerable questions calibration may decline (README target: 5%). */
  static final double MAX_FALSE_DECLINES = 0.05;

  public static final String NEAR_TOPIC = "near-topic";
  public static final String OFF_TOPIC = "off-topic";
  public static final String LIST = "list";
  private static final java.util.regex.Pattern ASCII_BETWEEN_CJK =
      java.util.regex.Pattern.compile("\\p{IsHan}[,:]\\p{IsHan}");

  private final AnswerService service;
  private final int k;
  private final SearchMode mode;
  private final TextNormalizer cleaner = new TextNormalizer();

  public AnswerQuality(AnswerService service, int k, SearchMode mode) {
    this.service = service;
    this.k = k;
    this.mode = mode;
  }

  /**
   * Runs every scored question; {@code kinds} maps ids to their kind (unanswerable without a kind
   * count as off-topic).
   */
  public Report run(List<Question> questions, Map<String, String> kinds) {
    int answerable = 0, contains = 0, first = 0, lists = 0, complete = 0, declinedAnswerable = 0;
    int unanswerable = 0,
        declinedUnanswerable = 0,
        near = 0,
        declinedNear = 0,
        off = 0,
        declinedOff = 0,
        notStated = 0;
    int ascii = 0;
    List<Double> compose = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    List<Evidence> answerableEvidence = new ArrayList<>();
    List<Evidence> unanswerableEvidence = new ArrayList<>();
    for (Question q : questions) {
      if (!q.scored()) {
        continue;
      }
      String kind = kinds.getOrDefault(q.id(), "");
      // One search per question: the answer's own, timed inside it, so composing is the rest.
      long t0 = System.nanoTime();
      AnswerService.Traced traced =
          service.traced(new Conversation(0), q.question(), k, mode, TokenSink.NONE);
      long t1 = System.nanoTime();
      Answer a = traced.answer();
      total.add((t1 - t0) / 1e6);
      compose.add(Math.max(0, (t1 - t0) - traced.searchNanos()) / 1e6);
      if (a.notStated()) {
        notStated++;
      }
      if (a.found() && ASCII_BETWEEN_CJK.matcher(a.text()).find()) {
        ascii++;
      }
      (q.answerable() ? answerableEvidence : unanswerableEvidence).add(traced.evidence());
      if (q.answerable()) {
        answerable++;
        if (!a.found()) {
          declinedAnswerable++;
          misses.add(
              q.id() + " (declined" + (a.notStated() ? ": " + a.text() : "") + ") " + q.question());
          continue;
        }
        boolean hit = containsAny(a.text(), q.answers());
        contains += hit ? 1 : 0;
        boolean firstHit = containsAny(firstLine(a.text()), q.answers());
        if (LIST.equals(kind)) {
          lists++;
          boolean all = q.answers().stream().allMatch(e -> containsAny(a.text(), List.of(e)));
          complete += all ? 1 : 0;
          if (!all) {
            misses.add(
                q.id() + " (list incomplete) " + q.question() + " expected all of " + q.answers());
          }
          continue;
        }
        first += firstHit ? 1 : 0;
        if (!hit) {
          misses.add(
              q.id()
                  + " "
                  + q.question()
                  + " expected "
                  + q.answers()
                  + " got "
                  + firstLine(a.text()));
        } else if (!firstHit) {
          misses.add(
              q.id()
                  + " (not first) "
                  + q.question()
                  + " expected "
                  + q.answers()
                  + " first "
                  + firstLine(a.text()));
        }
      } else {
        unanswerable++;
        boolean isNear = NEAR_TOPIC.equals(kind);
        near += isNear ? 1 : 0;
        off += isNear ? 0 : 1;
        if (!a.found()) {
          declinedUnanswerable++;
          declinedNear += isNear ? 1 : 0;
          declinedOff += isNear ? 0 : 1;
        } else {
          misses.add(
              q.id()
                  + " (answered, should decline: "
                  + (isNear ? NEAR_TOPIC : OFF_TOPIC)
                  + ") "
                  + q.question()
                  + " → "
                  + firstLine(a.text()));
        }
      }
    }
    return new Report(
        answerable,
        contains,
        first,
        lists,
        complete,
        declinedAnswerable,
        unanswerable,
        declinedUnanswerable,
        near,
        declinedNear,
        off,
        declinedOff,
        notStated,
        ascii,
        median(compose),
        median(total),
        misses,
        NoAnswerCalibration.calibrate(
            answerableEvidence, unanswerableEvidence, MAX_FALSE_DECLINES));
  }

  public Report run(List<Question> questions) {
    return run(questions, Map.of());
  }

  /** The answer's first line: the answer-bearing sentence (or a list's lead). */
  public static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
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
