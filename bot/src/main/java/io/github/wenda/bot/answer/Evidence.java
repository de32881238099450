package io.github.wenda.bot.answer;

/**
 * How well the best passages support answering: {@code coverage} is the best idf-weighted share of
 * question words in one of the top passages; {@code similarity} the best vector score among them
 * (Lucene's (1+cos)/2, 0 when vector search did not run).
 */
public record Evidence(double coverage, double similarity) {
  /** No passage looked at (small talk, an empty question). */
  public static final Evidence NONE = new Evidence(0, 0);
}
