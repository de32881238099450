package io.github.wenda.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SoakTest {
  @Test
  void a_short_soak_answers_refreshes_samples_and_reports_flat() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    StringWriter out = new StringWriter();
    Soak.Result r =
        new Soak(Duration.ofMillis(1200), Duration.ofMillis(200), Duration.ofMillis(300), 2)
            .run(List.of("a", "b"), q -> {}, refreshes::incrementAndGet, new PrintWriter(out));

    assertThat(r.answered()).isPositive();
    assertThat(r.errors()).isZero();
    // Counts, not timings: a loaded machine takes fewer samples (each one runs a full GC) in 1.2 s.
    assertThat(refreshes.get()).isBetween(1, 5);
    assertThat(r.samples().size()).isGreaterThanOrEqualTo(2);
    assertThat(out.toString()).contains("heap MB").contains("threads");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.isAlive() && t.getName().startsWith("wenda-soak-"));
  }

  @Test
  void rising_heap_or_threads_are_not_flat() {
    List<Soak.Sample> steady = new ArrayList<>();
    List<Soak.Sample> leaking = new ArrayList<>();
    List<Soak.Sample> spawning = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      steady.add(new Soak.Sample(i, i * 100L, 100 + (i % 3) * 5, 20));
      leaking.add(new Soak.Sample(i, i * 100L, 100 + i * 20, 20));
      spawning.add(new Soak.Sample(i, i * 100L, 100, 20 + i));
    }
    assertThat(Soak.flat(steady)).isTrue();
    assertThat(Soak.flat(leaking)).isFalse();
    assertThat(Soak.flat(spawning)).isFalse();
  }
}
