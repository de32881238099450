package io.github.wenda.bot.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A soak run: several threads answer questions non-stop for {@code length} while the index is
 * refreshed every {@code refreshEvery}; heap in use after a full GC and live threads are sampled
 * every {@code sampleEvery}. Leaks (readers not closed after a swap, conversations kept, threads
 * not stopped) show as lines that rise; {@link Result#flat()} compares the last third of the run
 * with the first.
 */
public final class Soak {
  /** One sample: minutes since start, answers so far, heap after GC, live threads. */
  public record Sample(double minutes, long answered, double heapMb, int threads) {}

  /** The samples, totals and answer latency; flat when heap and threads did not grow. */
  public record Result(
      List<Sample> samples, long answered, long errors, Latency latencyMs, boolean flat) {}

  private final Duration length;
  private final Duration sampleEvery;
  private final Duration refreshEvery;
  private final int workers;

  public Soak(Duration length, Duration sampleEvery, Duration refreshEvery, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, but is: " + workers);
    }
    this.length = length;
    this.sampleEvery = sampleEvery;
    this.refreshEvery = refreshEvery;
    this.workers = workers;
  }

  /**
   * Runs the soak, printing each sample as it is taken.
   *
   * @param answer answers one question (exceptions are counted, not thrown)
   * @param refresh refreshes the index (exceptions are counted, not thrown)
   */
  public Result run(
      List<String> questions, Consumer<String> answer, Runnable refresh, PrintWriter out)
      throws InterruptedException {
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("the soak needs at least one question");
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong answered = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int offset = w;
      Thread t =
          new Thread(
              () -> {
                for (int i = offset; !stop.get(); i += workers) {
                  long t0 = System.nanoTime();
                  try {
                    answer.accept(questions.get(i % questions.size()));
                    answered.incrementAndGet();
                    if (millis.size() < 1_000_000) { // bounded: the soak must not be its own leak
                      millis.add((System.nanoTime() - t0) / 1e6);
                    }
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                  }
                }
              },
              "wenda-soak-" + w);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    long nextRefresh = start + refreshEvery.toNanos();
    out.printf("%8s %10s %9s %8s%n", "minutes", "answered", "heap MB", "threads");
    samples.add(sample(start, answered.get(), out));
    while (System.nanoTime() < end) {
      Thread.sleep(
          Math.max(1, Math.min(sampleEvery.toMillis(), (end - System.nanoTime()) / 1_000_000)));
      if (System.nanoTime() >= nextRefresh) {
        try {
          refresh.run();
        } catch (RuntimeException e) {
          errors.incrementAndGet();
        }
        nextRefresh += refreshEvery.toNanos();
      }
      samples.add(sample(start, answered.get(), out));
    }
    stop.set(true);
    for (Thread t : threads) {
      t.join(10_000);
    }
    double[] ms = millis.stream().mapToDouble(Double::doubleValue).toArray();
    return new Result(
        samples,
        answered.get(),
        errors.get(),
        ms.length == 0 ? new Latency(0, 0, 0) : Latency.of(ms),
        flat(samples));
  }

  private static Sample sample(long start, long answered, PrintWriter out) {
    System.gc();
    Runtime rt = Runtime.getRuntime();
    Sample s =
        new Sample(
            (System.nanoTime() - start) / 60e9,
            answered,
            (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0),
            ManagementFactory.getThreadMXBean().getThreadCount());
    out.printf("%8.1f %10d %9.1f %8d%n", s.minutes(), s.answered(), s.heapMb(), s.threads());
    out.flush();
    return s;
  }

  /**
   * Whether the last third of the samples stays within 20 % (plus 16 MB, for GC noise) of the first
   * third's median heap, and within 2 of its median thread count. The first sample (before warm-up)
   * is left out.
   */
  static boolean flat(List<Sample> samples) {
    List<Sample> s = samples.size() > 3 ? samples.subList(1, samples.size()) : samples;
    int third = Math.max(1, s.size() / 3);
    List<Sample> first = s.subList(0, third);
    List<Sample> last = s.subList(s.size() - third, s.size());
    double heapBefore = median(first.stream().mapToDouble(Sample::heapMb).toArray());
    double heapAfter = median(last.stream().mapToDouble(Sample::heapMb).toArray());
    double threadsBefore = median(first.stream().mapToDouble(Sample::threads).toArray());
    double threadsAfter = median(last.stream().mapToDouble(Sample::threads).toArray());
    return heapAfter <= heapBefore * 1.2 + 16 && threadsAfter <= threadsBefore + 2;
  }

  private static double median(double[] xs) {
    double[] sorted = xs.clone();
    java.util.Arrays.sort(sorted);
    return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
  }
}
