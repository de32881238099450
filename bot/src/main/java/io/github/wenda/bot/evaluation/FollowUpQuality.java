package io.github.wenda.bot.evaluation;

import io.github.wenda.bot.conversation.QueryRewriter;
import io.github.wenda.bot.conversation.Turn;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.eval.Relevance;
import io.github.wenda.retrieval.text.TextNormalizer;
import java.util.List;

/**
 * Measures follow-up handling on pairs (first question, elliptical follow-up, answers to the
 * follow-up): recall@k of the follow-up searched alone versus rewritten with the first turn.
 */
public final class FollowUpQuality {
  /** One follow-up pair. */
  public record Pair(String id, String first, String followUp, List<String> answers) {}

  /** Recall@k without and with the rewrite, over {@code pairs} pairs. */
  public record Report(int pairs, double recallAlone, double recallRewritten) {}

  private final Retriever retriever;
  private final QueryRewriter rewriter;
  private final int k;
  private final SearchMode mode;
  private final TextNormalizer cleaner = new TextNormalizer();

  public FollowUpQuality(Retriever retriever, QueryRewriter rewriter, int k, SearchMode mode) {
    this.retriever = retriever;
    this.rewriter = rewriter;
    this.k = k;
    this.mode = mode;
  }

  public Report run(List<Pair> pairs) {
    int alone = 0;
    int rewritten = 0;
    for (Pair p : pairs) {
      Relevance rel = new Relevance(cleaner, p.answers());
      if (found(p.followUp(), rel)) {
        alone++;
      }
      String searched = rewriter.rewrite(p.followUp(), List.of(new Turn(p.first(), p.first(), "")));
      if (found(searched, rel)) {
        rewritten++;
      }
    }
    int n = Math.max(1, pairs.size());
    return new Report(pairs.size(), (double) alone / n, (double) rewritten / n);
  }

  private boolean found(String text, Relevance rel) {
    for (Hit h : retriever.search(new Query(text, k, mode))) {
      if (rel.test(h.passage())) {
        return true;
      }
    }
    return false;
  }
}
