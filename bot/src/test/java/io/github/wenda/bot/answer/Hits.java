package io.github.wenda.bot.answer;

import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import java.util.ArrayList;
import java.util.List;

/** Builds hits for tests from passage texts, ranked in the given order. */
public final class Hits {
  private Hits() {}

  public static List<Hit> of(String... texts) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      Passage p =
          new Passage(
              "doc" + i, "标题" + i, "一 引言", SegmentKind.BODY, i, 0, texts[i].length(), texts[i]);
      hits.add(
          new Hit(
              i + 1, p, new ScoreDetails(i + 1, 10f - i, i + 1, 0.9f - 0.05f * i, 1.0 / (i + 1))));
    }
    return hits;
  }
}
