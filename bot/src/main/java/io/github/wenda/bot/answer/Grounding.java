package io.github.wenda.bot.answer;

import io.github.wenda.bot.question.ExpectedType;
import io.github.wenda.bot.question.QuestionAnalysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The middle refusal: the documents mention what the question is about but do not say what it
 * asks. Two signs, both read from the candidate sentences of the top passages: a specific word of
 * the question (北约, 首任, 预算) is in none of them, or a typed question (何时, 谁, 哪里 …) finds no
 * sentence that carries an instance of the type bound to its words.
 */
final class Grounding {
  /** A word rarer than this (idf) is specific: its absence from every candidate means the detail is not there. */
  static final double SPECIFIC_IDF = 2.5;
  /** Missing specific words must weigh at least this share of the question's words to decline … */
  static final double MISSING_SHARE = 0.3;
  static final double UNTYPED_MISSING_SHARE = 0.45;
  /** … and one of them be this rare (in at most a passage or two): common words are paraphrased. */
  static final double RARE_IDF = 4.0;
  /** A typed answer sentence must carry its instance in the clause of the question's words or next to it. */
  static final double TYPED_MIN_BINDING = 0.8;
  /** A typed sentence holding this share of the question's words and its most specific one need not hold every specific one. */
  static final double TYPED_ENOUGH_COVERAGE = 0.6;

  private final ToDoubleFunction<String> idf;
  /** The idf of a word no passage contains (a private-use character): the documents never use such a word. */
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

  /** What the documents do not say, as a message in the question's language; empty when they say it. */
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
      if (w.codePointCount(0, w.length()) < 2 && w.codePoints().allMatch(Character::isIdeographic)) {
        continue;
      }
      double weight = Math.max(0.05, idf.applyAsDouble(w));
      total += weight;
      boolean found = ranking.best().stream().anyMatch(c -> c.match().contains(w));
      boolean specific = weight >= SPECIFIC_IDF;
      if (found) {
        present.add(w);
        if (specific) {
          specificPresent.add(w);
        }
      } else if (specific && (idf.applyAsDouble(w) >= absentIdf - 1e-9 || q.focus().entity().contains(w) && weight >= RARE_IDF)) {
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
    boolean wordsMissing = entityMissing || !compound(q.normalized()) && total > 0 && missingWeight / total >= share;
    String mostSpecific = specificPresent.stream().max(Comparator.comparingDouble(idf::applyAsDouble)).orElse("");
    // A source question's answer is a reference line, and a compound question (哪年…？谁…？) has more
    // than one type: the type check would judge the wrong half.
    boolean typeMissing = !wordsMissing && q.expected().typed() && !q.asksForSource() && !compound(q.normalized())
        && ranking.best().stream().noneMatch(c -> c.answerLike() && c.binding() >= TYPED_MIN_BINDING
            && (specificPresent.stream().allMatch(w -> c.match().contains(w))
                || c.coverage() >= TYPED_ENOUGH_COVERAGE && c.match().contains(mostSpecific)));
    if (!wordsMissing && !typeMissing) {
      return Verdict.ANSWER;
    }
    present.sort(Comparator.comparingInt(String::length).reversed());
    List<String> shown = present.subList(0, Math.min(3, present.size()));
    return new Verdict(true, Optional.of(message(shown, missing, q.expected(), zh)));
  }

  /** Whether the question asks two things: a question mark or comma with more asked after it. */
  static boolean compound(String normalized) {
    String q = normalized.strip().replaceAll("[?？!！。\\s]+$", "");
    return q.matches(".*[?？,，、;；].*(什么|哪|谁|几|多少|如何|怎|吗|是否).*");
  }

  static String message(List<String> present, List<String> missing, ExpectedType type, boolean zh) {
    if (zh) {
      String what = missing.isEmpty() ? noun(type, true) : String.join("、", missing) + (type.typed() ? "的" + noun(type, true) : "");
      return "文档提到了" + String.join("、", present) + "，但没有说明" + what + "。";
    }
    String what = missing.isEmpty() ? noun(type, false) : String.join(", ", missing) + (type.typed() ? " (" + noun(type, false) + ")" : "");
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
