package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.conversation.Turn;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A hand-written answerer: "Answer to: question [1]" citing a passage whose title and text need
 * escaping; optional delay, streaming and custom answers. Records the questions it was asked.
 */
final class FakeAnswerer implements Answerer {
  final List<String> asked = Collections.synchronizedList(new ArrayList<>());
  volatile long delayMs;
  volatile List<String> streamTokens = List.of();
  volatile Function<String, Answer> answers = FakeAnswerer::cited;

  /** When set, {@link #search} throws as a bug in retrieval would. */
  volatile boolean searchFails;

  static Hit hit(int rank, String title, String text) {
    Passage p =
        new Passage("doc" + rank, title, "一 引言", SegmentKind.BODY, rank, 0, text.length(), text);
    return new Hit(rank, p, new ScoreDetails(rank, 1f, rank, 0.9f, 1.0 / rank));
  }

  static Answer cited(String question) {
    Hit h = hit(1, "标题 <A&B>", "上海合作组织成立于2001年。<script>alert(1)</script> & more.");
    return Answer.found(
        "Answer to: " + question + " [1]",
        List.of(new Citation(1, h, List.of("上海合作组织"))),
        List.of());
  }

  @Override
  public Answer answer(Conversation conversation, String question, TokenSink sink) {
    asked.add(question);
    for (String t : streamTokens) {
      sink.token(t);
      sleep(delayMs / Math.max(1, streamTokens.size()));
    }
    if (streamTokens.isEmpty()) {
      sleep(delayMs);
    }
    Answer a = answers.apply(question);
    conversation.record(new Turn(question, question, a.text()));
    return a;
  }

  @Override
  public List<Hit> search(String question, int k) {
    if (searchFails) {
      throw new IllegalStateException("search broke");
    }
    List<Hit> hits = new ArrayList<>();
    for (int i = 1; i <= k; i++) {
      hits.add(hit(i, "Doc " + i, "Passage " + i + " about " + question));
    }
    return hits;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
