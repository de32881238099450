package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SpareCoreTest {

  @Test
  void returns_the_result_of_the_task() throws Exception {
    Future<String> f = SpareCore.start(() -> "bm25");
    assertThat(SpareCore.join(f)).isEqualTo("bm25");
  }

  @Test
  void rethrows_the_io_failure_of_the_task_as_it_was() {
    Future<String> f =
        SpareCore.start(
            () -> {
              throw new IOException("segment _3 is gone");
            });
    assertThatThrownBy(() -> SpareCore.join(f))
        .isInstanceOf(IOException.class)
        .hasMessage("segment _3 is gone");
  }

  @Test
  void rethrows_a_runtime_failure_of_the_task_unchanged() {
    Future<String> f =
        SpareCore.start(
            () -> {
              throw new IllegalStateException("index closed");
            });
    assertThatThrownBy(() -> SpareCore.join(f))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("index closed");
  }

  @Test
  void awaits_an_unwanted_task_to_its_end_and_keeps_its_failure_out_of_the_way() {
    java.util.concurrent.atomic.AtomicBoolean ended =
        new java.util.concurrent.atomic.AtomicBoolean();
    Future<String> f =
        SpareCore.start(
            () -> {
              Thread.sleep(50);
              ended.set(true);
              throw new IOException("reader closed");
            });
    SpareCore.await(f);
    assertThat(ended).isTrue();
    assertThat(f.isDone()).isTrue();
  }

  @Test
  void runs_a_task_on_the_calling_thread_when_every_spare_thread_is_busy() throws Exception {
    int spare = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(spare);
    Thread caller = Thread.currentThread();
    Future<?>[] blockers = new Future<?>[spare];
    for (int i = 0; i < spare; i++) {
      // A thread that just finished a task may not be waiting yet, and the blocker would then run
      // here: it returns at once on the caller, and is started again.
      for (int attempt = 0; attempt < 200; attempt++) {
        blockers[i] =
            SpareCore.start(
                () -> {
                  if (Thread.currentThread() == caller) {
                    return false;
                  }
                  started.countDown();
                  return release.await(30, TimeUnit.SECONDS);
                });
        if (!(blockers[i].isDone() && Boolean.FALSE.equals(blockers[i].get()))) {
          break;
        }
        Thread.sleep(10);
      }
    }
    try {
      assertThat(started.await(30, TimeUnit.SECONDS))
          .as("the spare threads took the blocking tasks")
          .isTrue();
      Future<Thread> f = SpareCore.start(Thread::currentThread);
      assertThat(f.isDone()).as("done before start returned: it ran on the caller").isTrue();
      assertThat(SpareCore.join(f)).isSameAs(caller);
    } finally {
      release.countDown();
    }
    for (Future<?> b : blockers) {
      assertThat(b.get(30, TimeUnit.SECONDS)).isEqualTo(true);
    }
  }

  @Test
  void runs_a_task_beside_the_caller_when_a_spare_thread_is_free() throws Exception {
    Thread caller = Thread.currentThread();
    // A freshly finished task may leave its thread a moment before it waits for the next one.
    Thread ran = caller;
    for (int attempt = 0; attempt < 100 && ran == caller; attempt++) {
      ran = SpareCore.join(SpareCore.start(Thread::currentThread));
      if (ran == caller) {
        Thread.sleep(10);
      }
    }
    assertThat(ran).isNotSameAs(caller);
    assertThat(ran.getName()).isEqualTo("wenda-search-side");
  }
}
