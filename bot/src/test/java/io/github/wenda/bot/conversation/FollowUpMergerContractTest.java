package io.github.wenda.bot.conversation;

import io.github.wenda.retrieval.text.QueryAnalyzer;

/** The rewriter contract for the offline follow-up rules. */
class FollowUpMergerContractTest extends QueryRewriterContract {
  @Override
  protected QueryRewriter rewriter() {
    return new FollowUpMerger(new QueryAnalyzer(), 8);
  }

  @Override
  protected void modelWillReply(String reply) {
    // No model.
  }
}
