package io.github.wenda.bot.question;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a question that asks two things (X是什么？如何Y？ / 是谁写的、哪家出版社出的) into its asks, so the answer
 * can open with a sentence for each. A part after the first that names nothing of its own
 * (作者有什么建议？) is read about the first part's entity.
 */
public final class QuestionParts {
  /** A question mark or semicolon inside the question, or 、/， between two asking clauses. */
  private static final Pattern ASK_BREAK = Pattern.compile("[？?；;]+");

  private static final Pattern CLAUSE_BREAK = Pattern.compile("[、，,]");

  /** Words that make a clause ask something. */
  private static final Pattern ASKS = Pattern.compile("(谁|什么|哪|何|多少|几|怎|如何|吗|啥|是否|有没有)");

  private static final int MIN_PART_CHARS = 4;
  private static final int MAX_PARTS = 3;

  private QuestionParts() {}

  /** The asks of a question, each a question of its own; one part when it asks one thing. */
  public static List<String> split(String question) {
    List<String> out = new ArrayList<>();
    for (String sentence : ASK_BREAK.split(question.strip())) {
      List<String> clauses = new ArrayList<>();
      for (String clause : CLAUSE_BREAK.split(sentence)) {
        // Only a clause that asks stands alone (谁写的、哪家出版社出的); others stay with their neighbour.
        if (!clauses.isEmpty()
            && (!ASKS.matcher(clause).find()
                || !ASKS.matcher(clauses.get(clauses.size() - 1)).find()
                || clause.strip().length() < MIN_PART_CHARS)) {
          clauses.set(clauses.size() - 1, clauses.get(clauses.size() - 1) + "，" + clause);
        } else {
          clauses.add(clause);
        }
      }
      for (String c : clauses) {
        if (c.strip().length() >= 2) {
          out.add(c.strip());
        }
      }
    }
    if (out.size() < 2
        || out.size() > MAX_PARTS
        || out.stream().filter(p -> ASKS.matcher(p).find()).count() < 2) {
      return List.of(question);
    }
    return List.copyOf(out);
  }

  /**
   * The analysis of each ask: a part whose key words are all question-frame words borrows the first
   * part's entity (上合组织秘书长 for 作者有什么建议). One element when the question asks one thing.
   */
  public static List<QuestionAnalysis> analyze(QuestionAnalyzer analyzer, QuestionAnalysis whole) {
    List<String> parts = split(whole.question());
    if (parts.size() < 2) {
      return List.of(whole);
    }
    List<QuestionAnalysis> out = new ArrayList<>();
    String entity = "";
    for (String part : parts) {
      QuestionAnalysis a = analyzer.analyze(part);
      if (out.isEmpty()) {
        entity = a.focus().entity();
      } else if (!entity.isEmpty()
          && !a.normalized().contains(entity)
          && (a.keyWords().size() <= 1 || a.focus().entity().isEmpty())) {
        a = analyzer.analyze(entity + "的" + part);
      }
      // A part reads as its own question but keeps what the whole asks for (题目是什么？刊登在哪天的《人民日报》上？).
      out.add(
          new QuestionAnalysis(
              a.question(),
              a.normalized(),
              a.contentWords(),
              a.keyWords(),
              a.aliasWords(),
              a.focus(),
              a.expected(),
              a.listCount(),
              a.asksForSource() || whole.asksForSource()));
    }
    return List.copyOf(out);
  }
}
