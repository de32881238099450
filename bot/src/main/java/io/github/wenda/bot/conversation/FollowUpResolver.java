package io.github.wenda.bot.conversation;

import java.util.List;

/**
 * Makes a follow-up question stand on its own from the conversation so far: 那和联合国呢 after 上合组织与东盟的合作
 * becomes 上合组织与联合国的合作. A question that stands on its own comes back unchanged. One method, so the
 * question analysis that knows the focus can take over later.
 */
@FunctionalInterface
public interface FollowUpResolver {
  /**
   * How a question was read: the question itself, the question to search and answer, and which rule
   * made it.
   */
  record Resolution(String question, String resolved, String rule) {
    public Resolution {
      java.util.Objects.requireNonNull(question, "question");
      java.util.Objects.requireNonNull(resolved, "resolved");
      java.util.Objects.requireNonNull(rule, "rule");
    }

    public static Resolution standalone(String question) {
      return new Resolution(question, question, "standalone");
    }

    public boolean changed() {
      return !resolved.equals(question);
    }
  }

  Resolution resolve(String question, List<Turn> history);
}
