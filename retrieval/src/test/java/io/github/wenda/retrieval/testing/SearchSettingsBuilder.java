package io.github.wenda.retrieval.testing;

import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.SearchSettings;

/**
 * The shipped search settings ({@link TestSettings#SEARCH}) with the few values a test varies, by
 * name: {@code TestSettings.searchWith().fusion(WEIGHTED).bm25Weight(0.6).build()}, instead of a
 * fourteen-argument constructor copied into every test.
 */
public final class SearchSettingsBuilder {
  private int k;
  private int candidates;
  private FusionMethod fusion;
  private int rrfK;
  private double bm25Weight;
  private double minBm25Weight;
  private double coverageLow;
  private double coverageRamp;
  private double sentenceWeight;
  private int sentenceDepth;
  private final SearchSettings base;

  SearchSettingsBuilder(SearchSettings base) {
    this.base = base;
    k = base.k();
    candidates = base.candidates();
    fusion = base.fusion();
    rrfK = base.rrfK();
    bm25Weight = base.bm25Weight();
    minBm25Weight = base.minBm25Weight();
    coverageLow = base.coverageLow();
    coverageRamp = base.coverageRamp();
    sentenceWeight = base.sentenceWeight();
    sentenceDepth = base.sentenceDepth();
  }

  public SearchSettingsBuilder k(int v) {
    k = v;
    return this;
  }

  public SearchSettingsBuilder candidates(int v) {
    candidates = v;
    return this;
  }

  public SearchSettingsBuilder fusion(FusionMethod v) {
    fusion = v;
    return this;
  }

  public SearchSettingsBuilder rrfK(int v) {
    rrfK = v;
    return this;
  }

  public SearchSettingsBuilder bm25Weight(double v) {
    bm25Weight = v;
    return this;
  }

  /** Adaptive fusion's share at low coverage, the coverage up to which it holds, and the ramp. */
  public SearchSettingsBuilder adaptive(double minWeight, double low, double ramp) {
    minBm25Weight = minWeight;
    coverageLow = low;
    coverageRamp = ramp;
    return this;
  }

  /** Sentence evidence: its weight and how many fused candidates it reads. */
  public SearchSettingsBuilder sentences(double weight, int depth) {
    sentenceWeight = weight;
    sentenceDepth = depth;
    return this;
  }

  public SearchSettings build() {
    return new SearchSettings(
        base.mode(),
        k,
        candidates,
        fusion,
        rrfK,
        bm25Weight,
        minBm25Weight,
        coverageLow,
        coverageRamp,
        base.bigrams(),
        base.bigramWeight(),
        sentenceWeight,
        sentenceDepth,
        base.queryPrefix());
  }
}
