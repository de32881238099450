package io.github.wenda.bot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of answer a question wants, from its question words: a date (哪年, 何时, when), a number
 * (多少, 几, how many), or anything. A sentence of the wanted kind is preferred, so 上合是哪年成立的？ quotes
 * the sentence with the founding date, not one that merely says 成立.
 */
enum AnswerType {
  DATE(Pattern.compile("\\d{4}年|\\d{1,2}月\\d{1,2}日|\\d{4}")),
  NUMBER(Pattern.compile("\\d|[一二三四五六七八九十百千万亿两]+(个|次|份|项|国|年|名|家|届|倍|种|条|位|人)")),
  ANY(null);

  private final Pattern evidence;

  AnswerType(Pattern evidence) {
    this.evidence = evidence;
  }

  static AnswerType of(String question) {
    String q = question.toLowerCase(Locale.ROOT);
    if (q.matches(
        ".*(哪年|哪一年|何年|何时|什么时候|哪天|哪一天|几月|几号|日期|时间|when|what year|which year|what date).*")) {
      return DATE;
    }
    if (q.matches(".*(多少|几个|几次|几份|几项|几国|几年|几届|几位|几名|几家|how many|how much|how long|多久|多长时间).*")) {
      return NUMBER;
    }
    return ANY;
  }

  boolean matches(String sentence) {
    return evidence != null && evidence.matcher(sentence).find();
  }
}
