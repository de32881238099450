package io.github.wenda.bot.tuning;

import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.eval.ModeResult;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** What a sweep sorts by; higher is better for all. */
public enum SweepMetric {
  MRR(ModeResult::mrrAtK),
  RECALL(ModeResult::recallAtK),
  RECALL1(ModeResult::recallAt1),
  NDCG(ModeResult::ndcgAtK);

  private final ToDoubleFunction<ModeResult> value;

  SweepMetric(ToDoubleFunction<ModeResult> value) {
    this.value = value;
  }

  public double of(ModeResult r) {
    return value.applyAsDouble(r);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SweepMetric parse(String s) {
    for (SweepMetric m : values()) {
      if (m.label().equalsIgnoreCase(s.strip())) {
        return m;
      }
    }
    throw new WendaException("--metric must be one of [mrr, recall, recall1, ndcg], but is: " + s);
  }
}
