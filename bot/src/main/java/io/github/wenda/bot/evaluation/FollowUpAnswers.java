package io.github.wenda.bot.evaluation;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.conversation.Turn;
import io.github.wenda.retrieval.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores follow-ups on answers, not only on recall: each pair is asked as a two-turn conversation,
 * and the follow-up's answer must contain one of its expected strings.
 */
public final class FollowUpAnswers {
  /**
   * Pairs asked, follow-ups answered (not declined), answers holding an expected string, and a line
   * per miss.
   */
  public record Report(int pairs, int answered, int hits, List<String> misses) {
    public Report {
      misses = List.copyOf(misses);
    }

    public double hitRate() {
      return pairs == 0 ? 0 : (double) hits / pairs;
    }
  }

  private final AnswerService service;
  private final TextNormalizer cleaner = new TextNormalizer();

  public FollowUpAnswers(AnswerService service) {
    this.service = service;
  }

  public Report run(List<FollowUpQuality.Pair> pairs) {
    int answered = 0;
    int hits = 0;
    List<String> misses = new ArrayList<>();
    for (FollowUpQuality.Pair p : pairs) {
      Conversation c = new Conversation(5);
      service.answer(c, p.first(), TokenSink.NONE);
      Answer a = service.answer(c, p.followUp(), TokenSink.NONE);
      List<Turn> h = c.history();
      String searched = h.isEmpty() ? p.followUp() : h.get(h.size() - 1).searchedAs();
      if (a.found()) {
        answered++;
      }
      if (a.found() && containsAny(a.text(), p.answers())) {
        hits++;
      } else {
        misses.add(
            p.id()
                + " "
                + p.followUp()
                + " (searched as "
                + searched
                + ")"
                + (a.found() ? ": expected " + p.answers() : ": declined"));
      }
    }
    return new Report(pairs.size(), answered, hits, misses);
  }

  private boolean containsAny(String text, List<String> expected) {
    String t = cleaner.normalize(text).replaceAll("\\s+", "");
    return expected.stream().anyMatch(e -> t.contains(cleaner.normalize(e).replaceAll("\\s+", "")));
  }
}
