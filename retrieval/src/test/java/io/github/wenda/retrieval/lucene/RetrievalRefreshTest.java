package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.retrieval.CorpusWatch;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corpus and index faults while searches run: files changed or deleted, the index folder deleted or
 * overwritten with garbage, and a crash while indexing. A background searcher asks all the time; it
 * must never see an exception or an empty result.
 */
class RetrievalRefreshTest {
  @TempDir Path tmp;
  private Path corpus;
  private Path indexDir;
  private final FlakyEmbedder embedder = new FlakyEmbedder();
  private Retrieval retrieval;
  private Searcher searcher;

  /**
   * The hashing embedder for passages, made to fail on demand: a crash in the middle of indexing.
   */
  static final class FlakyEmbedder implements Embedder {
    final HashingEmbedder inner = new HashingEmbedder();
    final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
      if (failing.get()) {
        throw new IllegalStateException("embedding model crashed");
      }
      return inner.embed(texts);
    }
  }

  /** Searches in a loop on its own thread, recording failures and empty results. */
  static final class Searcher implements AutoCloseable {
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    final AtomicInteger searches = new AtomicInteger();
    final AtomicBoolean stop = new AtomicBoolean();
    final Thread thread;

    Searcher(Retrieval r) {
      thread =
          new Thread(
              () -> {
                while (!stop.get()) {
                  try {
                    List<Hit> hits = r.search("上海合作组织成立");
                    if (hits.isEmpty()) {
                      problems.add("no hits");
                    }
                    r.idf("上海");
                    searches.incrementAndGet();
                  } catch (RuntimeException e) {
                    problems.add(e.toString());
                  }
                }
              },
              "test-searcher");
      thread.start();
    }

    /** Lets at least {@code n} more searches happen (proves searching went on meanwhile). */
    void awaitMore(int n) throws InterruptedException {
      int target = searches.get() + n;
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (searches.get() < target && System.nanoTime() < deadline && problems.isEmpty()) {
        Thread.sleep(1);
      }
    }

    @Override
    public void close() {
      stop.set(true);
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @BeforeEach
  void open() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    indexDir = tmp.resolve("data/index");
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年。总部设在北京。\n\n它的成员国不断扩大。\n");
    Files.writeString(corpus.resolve("b.txt"), "东盟是东南亚国家联盟的简称。\n\n上合组织与东盟签署了谅解备忘录。\n");
    RetrievalSettings settings =
        TestSettings.lucene(
            corpus,
            TestSettings.index(indexDir, new ChunkSettings(300, 0), 4),
            TestSettings.SEARCH);
    retrieval = Retrieval.open(settings, embedder, new HashingEmbedder(), ProgressListener.NONE);
    searcher = new Searcher(retrieval);
  }

  @AfterEach
  void close() throws Exception {
    searcher.close();
    retrieval.close();
  }

  private List<String> docsFound(String question) {
    return retrieval.search(question).stream().map(h -> h.passage().docId()).distinct().toList();
  }

  @Test
  void changed_added_and_deleted_files_are_picked_up_while_searches_go_on() throws Exception {
    for (int round = 0; round < 5; round++) {
      Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年6月15日，第" + round + "次修订。\n");
      Files.writeString(corpus.resolve("c.md"), "# 金砖\n\n金砖国家第" + round + "次扩员。\n");
      assertThat(retrieval.refresh().action()).isEqualTo(IndexReport.Action.UPDATED);
      searcher.awaitMore(20);
      Files.delete(corpus.resolve("c.md"));
      assertThat(retrieval.refresh().changedDocuments()).containsExactly("c");
      searcher.awaitMore(20);
    }
    Files.delete(corpus.resolve("b.txt"));
    retrieval.refresh();
    searcher.awaitMore(20);

    assertThat(searcher.problems).isEmpty();
    assertThat(retrieval.corpus().documents()).hasSize(1);
    assertThat(docsFound("东盟签署谅解备忘录")).doesNotContain("b");
    assertThat(retrieval.search("第4次修订").get(0).passage().text()).contains("第4次修订");
    System.out.printf(
        "refresh while searching: %d searches, none failed%n", searcher.searches.get());
  }

  @Test
  void a_deleted_index_folder_is_rebuilt_and_searches_use_the_old_index_until_the_swap()
      throws Exception {
    deleteTree(indexDir);
    searcher.awaitMore(50); // the open index still answers with its folder gone

    assertThat(retrieval.refresh().action()).isEqualTo(IndexReport.Action.REBUILT);
    searcher.awaitMore(50);

    assertThat(searcher.problems).isEmpty();
    assertThat(indexDir.resolve("manifest.json")).exists();
    assertThat(docsFound("东盟")).contains("b");
  }

  @Test
  void an_index_overwritten_with_garbage_is_rebuilt_while_searches_go_on() throws Exception {
    try (Stream<Path> files = Files.list(indexDir)) {
      for (Path f : files.toList()) {
        Files.delete(
            f); // new files with the old names: as a careless copy or a bad restore would do
        Files.write(f, ("garbage " + f.getFileName()).getBytes());
      }
    }
    searcher.awaitMore(50);

    assertThat(retrieval.refresh().action()).isEqualTo(IndexReport.Action.REBUILT);
    searcher.awaitMore(50);

    assertThat(searcher.problems).isEmpty();
    try (PassageIndex reopened = PassageIndex.open(indexDir)) {
      assertThat(reopened.size()).isPositive();
    }
  }

  @Test
  void a_crash_while_indexing_leaves_the_previous_index_serving_and_on_disk_intact()
      throws Exception {
    byte[] manifest = Files.readAllBytes(indexDir.resolve("manifest.json"));
    int passages = retrieval.size();
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年6月15日。\n\n".repeat(10) + "新增的段落。\n");
    embedder.failing.set(true);

    assertThatThrownBy(retrieval::refresh).hasMessageContaining("embedding model crashed");
    searcher.awaitMore(50);
    assertThat(searcher.problems).isEmpty();
    assertThat(Files.readAllBytes(indexDir.resolve("manifest.json"))).isEqualTo(manifest);
    try (PassageIndex onDisk = PassageIndex.open(indexDir)) {
      assertThat(onDisk.size()).isEqualTo(passages);
    }
    deleteTree(indexDir); // a rebuild that crashes must not leave a half-built folder behind either
    assertThatThrownBy(retrieval::refresh).hasMessageContaining("embedding model crashed");
    assertThat(indexDir).doesNotExist();
    try (Stream<Path> siblings = Files.list(indexDir.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("index.building-"));
    }

    embedder.failing.set(false);
    assertThat(retrieval.refresh().action()).isEqualTo(IndexReport.Action.REBUILT);
    searcher.awaitMore(20);
    assertThat(searcher.problems).isEmpty();
    assertThat(retrieval.search("新增的段落")).isNotEmpty();
  }

  @Test
  void the_watch_refreshes_after_a_corpus_change_and_after_the_index_is_deleted() throws Exception {
    try (CorpusWatch watch =
        CorpusWatch.start(retrieval, Duration.ofHours(1))) { // polled by hand below
      watch.check();
      assertThat(retrieval.report().action())
          .isEqualTo(IndexReport.Action.REBUILT); // nothing changed: no refresh
      Files.writeString(corpus.resolve("d.txt"), "丝绸之路经济带与欧亚经济联盟对接。\n");
      watch.check();
      assertThat(retrieval.report().changedDocuments()).containsExactly("d");
      deleteTree(indexDir);
      watch.check();
      assertThat(retrieval.report().action()).isEqualTo(IndexReport.Action.REBUILT);
      assertThat(indexDir).exists();
      watch.check();
      assertThat(retrieval.report().action())
          .as("no refresh when nothing changed")
          .isEqualTo(IndexReport.Action.REBUILT);
    }
    assertThat(searcher.problems).isEmpty();
  }

  @Test
  void bad_files_dropped_in_while_running_are_skipped_or_refused_and_answers_go_on()
      throws Exception {
    try (CorpusWatch watch = CorpusWatch.start(retrieval, Duration.ofHours(1))) {
      Files.write(corpus.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
      Files.write(
          corpus.resolve("gbk.txt"), "丝绸之路经济带。".getBytes(java.nio.charset.Charset.forName("GBK")));
      watch.check();
      assertThat(retrieval.report().changedDocuments())
          .containsExactly("gbk"); // binary skipped with a warning
      assertThat(retrieval.report().warnings()).anyMatch(w -> w.contains("image.txt"));

      byte[] good = "正文".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] undecodable = java.util.Arrays.copyOf(good, good.length + 2);
      undecodable[good.length] = (byte) 0x81; // a GB18030 lead byte with an impossible trail byte
      undecodable[good.length + 1] = (byte) 0x7F;
      Files.write(corpus.resolve("bad.txt"), undecodable);
      watch.check(); // skipped with a warning naming the file; the rest stays indexed and serving
      searcher.awaitMore(20);
      assertThat(retrieval.report().skipped())
          .anyMatch(s -> s.file().equals("bad.txt") && s.reason().contains("UTF-8"));
      assertThat(retrieval.report().warnings()).anyMatch(w -> w.contains("bad.txt"));

      Files.delete(corpus.resolve("bad.txt"));
      Files.writeString(corpus.resolve("b.txt"), "东盟是东南亚国家联盟的简称。\n");
      watch.check(); // the failed change is retried with the next one
      assertThat(retrieval.report().changedDocuments()).containsExactly("b");
    }
    assertThat(searcher.problems).isEmpty();
    assertThat(docsFound("丝绸之路经济带")).contains("gbk");
  }

  @Test
  @SuppressWarnings("try") // a lock or watch held for the scope, never named in it
  void the_watch_polls_on_its_own_and_stops_when_closed() throws Exception {
    try (CorpusWatch watch = CorpusWatch.start(retrieval, Duration.ofMillis(50))) {
      Files.writeString(corpus.resolve("e.txt"), "中亚天然气管道。\n");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!retrieval.report().changedDocuments().contains("e") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(retrieval.report().changedDocuments()).containsExactly("e");
    }
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.isAlive() && t.getName().equals("wenda-corpus-watch"));
    assertThat(searcher.problems).isEmpty();
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
