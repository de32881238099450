package io.github.wenda.bot.answer;

import io.github.wenda.bot.question.ExpectedType;
import io.github.wenda.bot.question.QuestionAnalysis;
import io.github.wenda.bot.question.QuestionAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The middle refusal: the documents mention what the question is about but do not say what it asks.
 * Two signs, both read from the candidate sentences of the top passages: a specific word of the
 * question (北约, 首任, 预算) is in none of them, or a typed question (何时, 谁, 哪里 …) finds no sentence
 * that carries an instance of the type bound to its words.
 */
final class Grounding {
  /**
   * A word rarer than this (idf) is specific: its absence from every candidate means the detail is
   * not there.
   */
  static final double SPECIFIC_IDF = 2.5;

  /** Missing specific words must weigh at least this share of the question's words to decline … */
  static final double MISSING_SHARE = 0.3;

  static final double UNTYPED_MISSING_SHARE = 0.45;

  /** … and one of them be this rare (in at most a passage or two): common words are paraphrased. */
  static final double RARE_IDF = 4.0;

  /**
   * A typed answer sentence must carry its instance in the clause of the question's words or next
   * to it.
   */
  static final double TYPED_MIN_BINDING = 0.8;

  /**
   * A typed sentence holding this share of the question's words and its most specific one need not
   * hold every specific one.
   */
  static final double TYPED_ENOUGH_COVERAGE = 0.6;

  private final ToDoubleFunction<String> idf;

  /**
   * The idf of a word no passage contains (a private-use character): the documents never use such a
   * word.
   */
  private final double absentIdf;

  Grounding(ToDoubleFunction<String> idf) {
    this.idf = idf;
    this.absentIdf = idf.applyAsDouble("\uE000\uE001");
  }

  /** The decision: answer, say what is not stated, or say the documents do not cover it. */
  record Verdict(boolean covered, Optional<String> notStated) {
    static final Verdict ANSWER = new Verdict(true, Optional.empty());
    static final Verdict NOT_COVERED = new Verdict(false, Optional.empty());

    boolean answers() {
      return covered && notStated.isEmpty();
    }
  }

  Verdict judge(QuestionAnalysis q, SentenceRanker.Ranking ranking, boolean zh) {
    return notStated(q, ranking, zh);
  }

  /**
   * What the documents do not say, as a message in the question's language; empty when they say it.
   */
  private Verdict notStated(QuestionAnalysis q, SentenceRanker.Ranking ranking, boolean zh) {
    if (ranking.isEmpty()) {
      return Verdict.ANSWER;
    }
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> specificPresent = new ArrayList<>();
    double total = 0;
    double missingWeight = 0;
    boolean entityMissing = false;
    for (String w : q.keyWords()) {
      if (w.codePointCount(0, w.length()) < 2
          && w.codePoints().allMatch(Character::isIdeographic)) {
        continue;
      }
      double weight = Math.max(0.05, idf.applyAsDouble(w));
      total += weight;
      boolean found = ranking.best().stream().anyMatch(c -> holds(c.match(), w));
      boolean specific = weight >= SPECIFIC_IDF;
      if (found) {
        present.add(w);
        if (specific) {
          specificPresent.add(w);
        }
      } else if (specific
          && (idf.applyAsDouble(w) >= absentIdf - 1e-9
              || q.focus().entity().contains(w) && weight >= RARE_IDF)) {
        missing.add(w);
        missingWeight += weight;
        // A specific word of the thing asked about (北约 in 北约现任秘书长) missing from every candidate:
        // whatever the candidates say, it is about something else.
        entityMissing |= q.focus().entity().contains(w) && weight >= RARE_IDF;
      }
    }
    if (present.isEmpty()) {
      // None of the question's own words is in any candidate: the documents do not speak of it.
      return missing.isEmpty() ? Verdict.ANSWER : Verdict.NOT_COVERED;
    }
    // A compound question (哪年…？谁…？) may name in its second half what the first half's answer lacks.
    // Untyped questions are paraphrased more freely, so their missing words must weigh more.
    double share = q.expected().typed() ? MISSING_SHARE : UNTYPED_MISSING_SHARE;
    boolean wordsMissing =
        entityMissing || !compound(q.normalized()) && total > 0 && missingWeight / total >= share;
    String mostSpecific =
        specificPresent.stream().max(Comparator.comparingDouble(idf::applyAsDouble)).orElse("");
    // A source question's answer is a reference line, and a compound question (哪年…？谁…？) has more
    // than one type: the type check would judge the wrong half.
    boolean typeMissing =
        !wordsMissing
            && q.expected().typed()
            && !q.asksForSource()
            && !compound(q.normalized())
            && ranking.best().stream()
                .noneMatch(
                    c ->
                        c.answerLike()
                            && c.binding() >= TYPED_MIN_BINDING
                            && (holdsEnough(c.match(), specificPresent, q.focus().entity())
                                || c.coverage() >= TYPED_ENOUGH_COVERAGE
                                    && holds(c.match(), mostSpecific)));
    Optional<String> ordinal =
        wordsMissing || typeMissing ? Optional.empty() : otherOrdinalOnly(q, ranking);
    if (ordinal.isPresent()) {
      String noun = noun(q.expected(), zh);
      return new Verdict(
          true,
          Optional.of(
              zh
                  ? "文档只提到了其他场次，没有说明" + ordinal.get() + "的" + noun + "。"
                  : "The documents mention other occasions, not the "
                      + ordinal.get()
                      + " one; they do not say "
                      + noun
                      + "."));
    }
    if (!wordsMissing && !typeMissing) {
      return Verdict.ANSWER;
    }
    present.sort(Comparator.comparingInt(String::length).reversed());
    List<String> shown = present.subList(0, Math.min(3, present.size()));
    return new Verdict(true, Optional.of(message(shown, missing, q.expected(), zh)));
  }

  private static final java.util.regex.Pattern ORDINAL =
      java.util.regex.Pattern.compile("第\\s*([一二三四五六七八九十百\\d]+)\\s*(次|届|个|份|轮|批|期|号)");

  /**
   * The ordinal a question names (第二次高级别会议: the number 2, the measure 次 and the bigrams of what it
   * counts), to tell the sentences about that occasion from those about another one.
   */
  record AskedOrdinal(String text, int number, String measure, java.util.Set<String> head) {
    /** The ordinal of the question, if it names one. */
    static Optional<AskedOrdinal> of(QuestionAnalysis q) {
      var m = ORDINAL.matcher(q.normalized());
      if (!m.find()) {
        return Optional.empty();
      }
      // What the ordinal counts: the words after it up to the verb (高级别会议 in 第二次高级别会议在哪里;
      // 上合组织与联合国高级别会议 in 第二次上合组织与联合国高级别会议在哪里: 与 and 和 join its holders).
      String head = q.normalized().substring(m.end()).split("[在的是于，,？?、]", 2)[0];
      return Optional.of(
          new AskedOrdinal(
              m.group(), QuestionAnalyzer.numeral(m.group(1)), m.group(2), Bigrams.of(head)));
    }

    /**
     * 1 when the sentence names this occasion (or 首次 for the first), -1 when it names only other
     * ones of the same thing (第三次…会议 for 第二次), 0 when it names none.
     */
    int in(String match) {
      if (number == 1 && match.contains("首" + measure)) {
        return 1;
      }
      boolean other = false;
      var o = ORDINAL.matcher(match);
      while (o.find()) {
        // What it counts, on either side: the documents put the holders before the ordinal
        // (上合组织与联合国举行了第二次高级别会议) as often as after it.
        String around =
            match.substring(Math.max(0, o.start() - ORDINAL_HEAD_WINDOW), o.start())
                + match.substring(o.end(), Math.min(match.length(), o.end() + ORDINAL_HEAD_WINDOW));
        boolean sameThing =
            head.isEmpty() || Bigrams.shareFound(head, Bigrams.of(around), 0) >= 0.5;
        if (!o.group(2).equals(measure) || !sameThing) {
          continue;
        }
        if (QuestionAnalyzer.numeral(o.group(1)) == number) {
          return 1;
        }
        other = true;
      }
      return other ? -1 : 0;
    }
  }

  /**
   * The ordinal a question names (第二次高级别会议) when the candidate sentences on its topic name only
   * other ones of the same count (第三次…会议): they speak of another occasion, so the detail asked is
   * not stated. Empty when a candidate names it or none names any.
   */
  static Optional<String> otherOrdinalOnly(QuestionAnalysis q, SentenceRanker.Ranking ranking) {
    Optional<AskedOrdinal> asked = AskedOrdinal.of(q);
    if (asked.isEmpty()) {
      return Optional.empty();
    }
    boolean other = false;
    for (Candidate c : ranking.best()) {
      if (!c.answerLike() || c.coverage() < ORDINAL_MIN_COVERAGE) {
        continue;
      }
      int in = asked.get().in(c.match());
      if (in > 0) {
        return Optional.empty();
      }
      other |= in < 0;
    }
    return other ? Optional.of(asked.get().text()) : Optional.empty();
  }

  /** How far around an ordinal what it counts is looked for (第三次上海合作组织与联合国高级别会议). */
  static final int ORDINAL_HEAD_WINDOW = 20;

  /** A sentence on the question's topic holds this share of its words. */
  static final double ORDINAL_MIN_COVERAGE = 0.5;

  private static final java.util.regex.Pattern FIRST_BY_SHOU =
      java.util.regex.Pattern.compile("首[次届任个批]");

  /**
   * Whether a sentence holds a question word, allowing a paraphrased longer name: a word of three
   * or more characters counts when two thirds of its character bigrams are there (红十字会 in
   * 红十字国际委员会). Two-character words must be there as written: 北约 is not 北京签约.
   */
  static boolean holds(String sentence, String word) {
    if (sentence.contains(word)) {
      return true;
    }
    // 第一次 and 首次 (第一届 and 首届 …) say the same: the documents use either.
    if (word.equals("第一") && FIRST_BY_SHOU.matcher(sentence).find()) {
      return true;
    }
    if (word.length() == 2 && word.charAt(0) == '首' && sentence.contains("第一" + word.charAt(1))) {
      return true;
    }
    int n = word.codePointCount(0, word.length());
    if (n < 3 || !word.codePoints().allMatch(Character::isIdeographic)) {
      return false;
    }
    int found = 0;
    for (int i = 0; i + 1 < word.length(); i++) {
      found += sentence.contains(word.substring(i, i + 2)) ? 1 : 0;
    }
    return found * 3 >= (n - 1) * 2;
  }

  /**
   * Whether a typed answer sentence holds enough of the question's specific words: all of one or
   * two, two thirds of three or more, and every one naming the entity asked about, written out or
   * abbreviated (联大 for 联合国大会): the answer about someone else's 秘书长 is no answer about 北约's. The
   * answer sentence often leaves out a detail the question repeats, or names it another way.
   */
  static boolean holdsEnough(String sentence, List<String> specific, String entity) {
    long held = 0;
    boolean entityMissing = false;
    for (String w : specific) {
      if (holds(sentence, w) || abbreviates(w, sentence)) {
        held++;
      } else if (entity.contains(w)) {
        entityMissing = true;
      }
    }
    // Numbers name a thing exactly (第65/124号决议): a sentence that holds all of them speaks of it.
    List<String> numbers =
        specific.stream()
            .filter(w -> entity.contains(w) && w.chars().allMatch(Character::isDigit))
            .toList();
    if (entityMissing && (numbers.isEmpty() || !numbers.stream().allMatch(sentence::contains))) {
      return false;
    }
    return specific.size() < 3 ? held == specific.size() : held * 3 >= specific.size() * 2L;
  }

  /**
   * Whether a two-character word is the abbreviation of a longer name in the text: 联大 in 联合国大会 (one
   * to three characters between).
   */
  static boolean abbreviates(String word, String text) {
    if (word.length() != 2 || !word.codePoints().allMatch(Character::isIdeographic)) {
      return false;
    }
    for (int i = text.indexOf(word.charAt(0)); i >= 0; i = text.indexOf(word.charAt(0), i + 1)) {
      for (int gap = 2; gap <= 4 && i + gap < text.length(); gap++) {
        char c = text.charAt(i + gap - 1);
        if (!Character.isIdeographic(c)) {
          break;
        }
        if (text.charAt(i + gap) == word.charAt(1)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the question asks two things: a question mark or comma with more asked after it. */
  static boolean compound(String normalized) {
    String q = normalized.strip().replaceAll("[?？!！。\\s]+$", "");
    return q.matches(".*[?？,，、;；].*(什么|哪|谁|几|多少|如何|怎|吗|是否).*");
  }

  static String message(List<String> present, List<String> missing, ExpectedType type, boolean zh) {
    if (zh) {
      String what =
          missing.isEmpty()
              ? noun(type, true)
              : String.join("、", missing) + (type.typed() ? "的" + noun(type, true) : "");
      return "文档提到了" + String.join("、", present) + "，但没有说明" + what + "。";
    }
    String what =
        missing.isEmpty()
            ? noun(type, false)
            : String.join(", ", missing) + (type.typed() ? " (" + noun(type, false) + ")" : "");
    return "The documents mention " + String.join(", ", present) + " but do not say " + what + ".";
  }

  private static String noun(ExpectedType type, boolean zh) {
    return switch (type) {
      case DATE -> zh ? "时间" : "when";
      case NUMBER -> zh ? "具体数字" : "how many or how much";
      case PERSON -> zh ? "是谁" : "who";
      case PLACE -> zh ? "地点" : "where";
      case ORGANISATION -> zh ? "是哪个机构" : "which organisation";
      case LIST -> zh ? "具体有哪些" : "which ones";
      case REASON -> zh ? "原因" : "why";
      case METHOD -> zh ? "具体做法" : "how";
      default -> zh ? "这一点" : "this";
    };
  }
}
