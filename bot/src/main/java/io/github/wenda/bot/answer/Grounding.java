package io.github.wenda.bot.answer;

import io.github.wenda.bot.question.ExpectedType;
import io.github.wenda.bot.question.QuestionAnalysis;
import io.github.wenda.retrieval.search.QueryAnalyzer;
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
  /** Missing specific words must weigh at least this share of the question's words to decline. */
  static final double MISSING_SHARE = 0.2;
  /** A typed answer sentence must hold this idf-weighted share of the question's words … */
  static final double TYPED_MIN_COVERAGE = 0.55;
  /** … with its instance in the clause of those words or the next one. */
  static final double TYPED_MIN_BINDING = 0.8;

  private final ToDoubleFunction<String> idf;

  Grounding(ToDoubleFunction<String> idf) {
    this.idf = idf;
  }

  /** What the documents do not say, as a message in the question's language; empty when they say it. */
  Optional<String> notStated(QuestionAnalysis q, SentenceRanker.Ranking ranking, boolean zh) {
    if (ranking.isEmpty()) {
      return Optional.empty();
    }
    List<String> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    double total = 0;
    double missingWeight = 0;
    for (String w : q.contentWords()) {
      if (QueryAnalyzer.isQuestionWord(w) || w.codePointCount(0, w.length()) < 2 && w.codePoints().allMatch(Character::isIdeographic)) {
        continue;
      }
      double weight = Math.max(0.05, idf.applyAsDouble(w));
      total += weight;
      boolean found = ranking.best().stream().anyMatch(c -> c.match().contains(w));
      if (found) {
        present.add(w);
      } else if (weight >= SPECIFIC_IDF) {
        missing.add(w);
        missingWeight += weight;
      }
    }
    if (present.isEmpty()) {
      return Optional.empty();
    }
    boolean wordsMissing = total > 0 && missingWeight / total >= MISSING_SHARE;
    boolean typeMissing = q.expected().typed() && ranking.best().stream()
        .noneMatch(c -> c.answerLike() && c.binding() >= TYPED_MIN_BINDING && c.coverage() >= TYPED_MIN_COVERAGE);
    if (!wordsMissing && !typeMissing) {
      return Optional.empty();
    }
    present.sort(Comparator.comparingInt(String::length).reversed());
    List<String> shown = present.subList(0, Math.min(3, present.size()));
    return Optional.of(message(shown, missing, q.expected(), zh));
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
