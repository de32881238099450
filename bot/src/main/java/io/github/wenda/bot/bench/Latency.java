package io.github.wenda.bot.bench;

import java.util.Arrays;

/** Latency percentiles in milliseconds (nearest-rank). */
public record Latency(double p50, double p95, double p99) {
  public static Latency of(double[] millis) {
    if (millis.length == 0) {
      return new Latency(0, 0, 0);
    }
    double[] s = millis.clone();
    Arrays.sort(s);
    return new Latency(rank(s, 50), rank(s, 95), rank(s, 99));
  }

  private static double rank(double[] sorted, int p) {
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }
}
