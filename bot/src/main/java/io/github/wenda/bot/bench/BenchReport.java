package io.github.wenda.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What {@code wenda bench} measured: Wenda's figures and the plain pipeline's, on one corpus and
 * question set. Times in seconds or milliseconds as named; {@code stages} in seconds.
 */
public record BenchReport(
    int questions,
    int passages,
    double recallAt5,
    double mrrAt5,
    double indexBuildS,
    Map<String, Double> stages,
    double startupS,
    Latency retrieveMs,
    Latency answerMs,
    double qps1,
    double qps2,
    double peakHeapMb,
    Baseline baseline) {

  /** The plain LangChain4j pipeline's figures. */
  public record Baseline(int segments, double recallAt5, double mrrAt5, double indexBuildS, Latency retrieveMs, double qps1,
      double peakHeapMb) {}

  /** The {@code --json} contract: exactly these keys (see README). */
  public ObjectNode toJson() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("recall_at_5", round(recallAt5));
    o.put("mrr_at_5", round(mrrAt5));
    o.put("index_build_s", round(indexBuildS));
    o.put("startup_s", round(startupS));
    o.set("retrieve_ms", latency(m, retrieveMs));
    o.set("answer_ms", latency(m, answerMs));
    ObjectNode qps = m.createObjectNode();
    qps.put("1", round(qps1));
    qps.put("2", round(qps2));
    o.set("throughput_qps", qps);
    o.put("peak_heap_mb", round(peakHeapMb));
    ObjectNode b = m.createObjectNode();
    b.put("recall_at_5", round(baseline.recallAt5()));
    b.put("mrr_at_5", round(baseline.mrrAt5()));
    b.put("index_build_s", round(baseline.indexBuildS()));
    b.set("retrieve_ms", latency(m, baseline.retrieveMs()));
    o.set("baseline", b);
    return o;
  }

  /** Side by side with ratios (Wenda / baseline; below 1 means Wenda is smaller, i.e. faster for times). */
  public void printTable(PrintWriter out) {
    out.printf("%d answerable questions; Wenda %d passages, baseline %d segments%n%n", questions, passages, baseline.segments());
    out.printf("%-24s %12s %12s %8s%n", "figure", "Wenda", "baseline", "ratio");
    row(out, "recall@5", recallAt5, baseline.recallAt5(), "%.3f");
    row(out, "MRR@5", mrrAt5, baseline.mrrAt5(), "%.3f");
    row(out, "index build s", indexBuildS, baseline.indexBuildS(), "%.2f");
    stages.forEach((stage, s) -> out.printf("%-24s %12.2f %12s %8s%n", "  " + stage + " s", s, "", ""));
    out.printf("%-24s %12.2f %12s %8s%n", "start-up to answer s", startupS, "", "");
    row(out, "retrieve p50 ms", retrieveMs.p50(), baseline.retrieveMs().p50(), "%.2f");
    row(out, "retrieve p95 ms", retrieveMs.p95(), baseline.retrieveMs().p95(), "%.2f");
    row(out, "retrieve p99 ms", retrieveMs.p99(), baseline.retrieveMs().p99(), "%.2f");
    out.printf("%-24s %12.2f %12s %8s%n", "answer p50 ms", answerMs.p50(), "", "");
    out.printf("%-24s %12.2f %12s %8s%n", "answer p95 ms", answerMs.p95(), "", "");
    out.printf("%-24s %12.2f %12s %8s%n", "answer p99 ms", answerMs.p99(), "", "");
    row(out, "retrieve q/s, 1 thread", qps1, baseline.qps1(), "%.1f");
    out.printf("%-24s %12.1f %12s %8s%n", "retrieve q/s, 2 threads", qps2, "", "");
    row(out, "peak heap MB", peakHeapMb, baseline.peakHeapMb(), "%.0f");
  }

  private static void row(PrintWriter out, String name, double ours, double theirs, String fmt) {
    String ratio = theirs == 0 ? "" : String.format("%.2f", ours / theirs);
    out.printf("%-24s %12s %12s %8s%n", name, String.format(fmt, ours), String.format(fmt, theirs), ratio);
  }

  private static ObjectNode latency(ObjectMapper m, Latency l) {
    ObjectNode o = m.createObjectNode();
    o.put("p50", round(l.p50()));
    o.put("p95", round(l.p95()));
    o.put("p99", round(l.p99()));
    return o;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
