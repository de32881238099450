package io.github.wenda.bot.conversation;

import io.github.wenda.bot.answer.QueryRewriter;
import io.github.wenda.bot.answer.Turn;
import io.github.wenda.retrieval.search.QueryAnalyzer;
import java.util.List;

/**
 * The offline follow-up rule: when a question is short or elliptical (那…呢？, 它…, 还有呢), the
 * previous question's content words are searched with it. A full question stands on its own.
 * Measured on corpus/followups.jsonl (README).
 */
public final class FollowUpMerger implements QueryRewriter {
  private static final String[] ELLIPTICAL_OPENINGS = {"那", "那么", "它", "其", "该", "这", "此", "他们", "还有", "另外", "then", "and "};
  private static final String[] PRONOUNS = {"它", "其", "该组织", "他们", "她们", "这个", "那个", "此"};

  private final QueryAnalyzer analyzer;
  private final int maxShortChars;

  public FollowUpMerger(QueryAnalyzer analyzer, int maxShortChars) {
    this.analyzer = analyzer;
    this.maxShortChars = maxShortChars;
  }

  @Override
  public String rewrite(String question, List<Turn> history) {
    if (history.isEmpty()) {
      return question;
    }
    String q = analyzer.normalize(question);
    if (!isFollowUp(q)) {
      return question;
    }
    Turn last = history.get(history.size() - 1);
    // The earlier question as it was searched already carries its own antecedent.
    List<String> earlier = analyzer.words(analyzer.normalize(last.searchedAs()));
    StringBuilder merged = new StringBuilder();
    for (String w : earlier) {
      if (!q.contains(w)) {
        merged.append(w).append(' ');
      }
    }
    return merged.append(q).toString();
  }

  boolean isFollowUp(String q) {
    String lower = q.toLowerCase(java.util.Locale.ROOT);
    if (q.length() <= maxShortChars) {
      return true;
    }
    for (String o : ELLIPTICAL_OPENINGS) {
      if (lower.startsWith(o)) {
        return true;
      }
    }
    for (String p : PRONOUNS) {
      if (q.contains(p)) {
        return true;
      }
    }
    return q.endsWith("呢?") || q.endsWith("呢");
  }
}
