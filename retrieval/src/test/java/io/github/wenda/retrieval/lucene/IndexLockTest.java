package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers of one index: before the lock, both built and one deleted the other's work. Now the
 * second waits up to {@code index.lock-wait-seconds} and then fails naming the holder's pid, both
 * for another process (a real second JVM) and for another thread of this one.
 */
class IndexLockTest {
  @TempDir Path tmp;
  Path corpus;
  Path indexDir;

  @BeforeEach
  void corpus() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    indexDir = tmp.resolve("data/index");
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年。总部设在北京。\n");
  }

  private IndexReport refresh(Duration lockWait) {
    return new IndexManager(
            new IndexSettings(indexDir, new ChunkSettings(300, 0), 4, lockWait),
            new HashingEmbedder(),
            ProgressListener.NONE)
        .refresh(new CorpusLoader(corpus, TestSettings.CORPUS).load());
  }

  @Test
  void a_second_process_holding_the_lock_is_named_and_released_when_it_ends() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LockHolderMain.class.getName(),
                    indexDir.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("locked")) {
        // skip anything else the child prints
      }
      assertThat(line).as("the child took the lock").isEqualTo("locked");

      assertThatThrownBy(() -> refresh(Duration.ofMillis(300)))
          .isInstanceOf(WendaException.class)
          .hasMessageContaining("pid " + holder.pid())
          .hasMessageContaining(indexDir.toString())
          .hasMessageContaining("index.lock-wait-seconds");
      assertThat(indexDir)
          .as("nothing built while the other process holds the lock")
          .doesNotExist();

      holder.getOutputStream().close(); // the child lets go and exits
      assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      holder.destroyForcibly();
    }
    assertThat(refresh(Duration.ofMillis(300)).action()).isEqualTo(IndexReport.Action.REBUILT);
    assertThat(Files.readString(IndexLock.fileOf(indexDir)))
        .contains("pid " + ProcessHandle.current().pid());
  }

  @Test
  void a_killed_holder_never_leaves_the_lock_stuck() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    LockHolderMain.class.getName(),
                    indexDir.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("locked")) {
      // skip
    }
    assertThat(line).isEqualTo("locked");
    holder.destroyForcibly(); // SIGKILL: no chance to release
    assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(refresh(Duration.ofSeconds(30)).action()).isEqualTo(IndexReport.Action.REBUILT);
  }

  @Test
  void another_thread_of_this_process_waits_for_the_lock_or_fails_naming_this_pid()
      throws Exception {
    CompletableFuture<IndexReport> waiter;
    try (IndexLock held = IndexLock.acquire(indexDir, Duration.ZERO)) {
      CompletableFuture<Throwable> impatient =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  refresh(Duration.ZERO);
                  return null;
                } catch (RuntimeException e) {
                  return e;
                }
              });
      assertThat(impatient.get(60, TimeUnit.SECONDS))
          .isInstanceOf(WendaException.class)
          .hasMessageContaining("pid " + ProcessHandle.current().pid());

      waiter = CompletableFuture.supplyAsync(() -> refresh(Duration.ofMinutes(5)));
      try (IndexLock again = IndexLock.acquire(indexDir, Duration.ZERO)) {
        assertThat(again).as("re-entrant for its holder").isSameAs(held);
      }
      assertThat(waiter).isNotDone();
    }
    assertThat(waiter.get(60, TimeUnit.SECONDS).action()).isEqualTo(IndexReport.Action.REBUILT);
  }
}
