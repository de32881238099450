package io.github.wenda.bot.question;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of answer a question wants, read from its question words (published offline QA practice
 * for Chinese: 何时 → date, 多少 → number, 谁 → person, 哪里 → place, 哪些 → list, 为什么 → reason, 如何 →
 * method, 什么是 → definition, 是否/吗 → yes/no). The first rule that matches wins, so the order below is
 * the precedence: 哪几个方面 is a list, not a number.
 */
public enum ExpectedType {
  LIST(
      "(哪些|哪几|[几一二三四五六七八九十两\\d]+(个|项|点|条|种|大)[^，,。？?]{0,8}(是什么|分别|有哪|包括|指|是哪)"
          + "|哪[一二三四五六七八九十两\\d]+(个|项|点|条|种|大|方面)|(what|which) are the|list the)"),
  DATE(
      "(时间(是|为)?(什么|何时)?[？?]*$|哪年|哪一年|何年|何时|什么时候|什么时间|哪天|哪一天|几月|几号|哪个月|日期|年份|when|what year|which year|what date)"),
  PERSON("(谁|哪位|哪一位|什么人|何人|who|whom)"),
  PLACE(
      "(哪里|哪儿|何处|何地|在哪(?![次届年天一些种位个份项条])|哪个城市|哪座城市|哪个国家|什么地方|哪个地方|什么城市|where|which city|which country)"),
  ORGANISATION("(哪个机构|什么机构|哪个组织|什么组织|哪家|哪个部门|哪个基金|which organi[sz]ation|which institution)"),
  NUMBER("(多少|几个|几次|几份|几项|几国|几届|几位|几名|几家|几倍|几种|多大|多久|多长时间|how many|how much|how long)"),
  REASON("(为什么|为何|什么原因|原因是什么|原因有|why)"),
  METHOD("(如何|怎样|怎么|通过什么方式|采取了什么|什么(建议|对策|办法|措施)|how (do|does|did|can|to))"),
  DEFINITION("(什么是|是什么|指什么|是指|含义|意思|什么叫|what is|what are|what does)"),
  YES_NO("(是否|是不是|有没有|能不能|会不会|可否|吗[？?!！]*$|\\b(is|are|does|do|did|can|was|were) )"),
  OPEN(null);

  private final Pattern cue;

  /** 多长时间 asks for a quantity of time, not a date, though it says 时间. */
  private static final Pattern DURATION = Pattern.compile("(多长时间|多久|多少年|几年时间|多少天|how long)");

  ExpectedType(String cue) {
    this.cue = cue == null ? null : Pattern.compile(cue);
  }

  /** The type of a (normalised or raw) question; {@link #OPEN} when no question word says. */
  public static ExpectedType of(String question) {
    String q = question.toLowerCase(Locale.ROOT).strip();
    if (DURATION.matcher(q).find()) {
      return NUMBER;
    }
    for (ExpectedType t : values()) {
      if (t.cue != null && t.cue.matcher(q).find()) {
        // "是什么" after a date word etc. is caught above; a bare 是什么 with 成立时间 is still a date.
        return t;
      }
    }
    return OPEN;
  }

  /**
   * Whether an answer of this type is a span of a known kind (date, number, person, place,
   * organisation).
   */
  public boolean typed() {
    return this == DATE
        || this == NUMBER
        || this == PERSON
        || this == PLACE
        || this == ORGANISATION;
  }
}
