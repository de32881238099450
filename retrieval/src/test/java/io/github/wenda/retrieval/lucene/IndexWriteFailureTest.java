package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up (or fails) in the middle of an index write: at every point Lucene creates a
 * file, the write fails, and the index that was serving must go on serving, and the folder on disk
 * must be byte for byte what it was.
 */
class IndexWriteFailureTest {
  @TempDir Path tmp;
  Path corpus;
  Path indexDir;
  final FullDisk disk = new FullDisk();
  final HashingEmbedder embedder = new HashingEmbedder();
  IndexSettings settings;

  /** Lucene directories whose disk is "full" from the n-th file created on, once armed. */
  static final class FullDisk implements IndexManager.Directories {
    final AtomicInteger left = new AtomicInteger(Integer.MAX_VALUE);

    void failFromFile(int n) {
      left.set(n);
    }

    @Override
    public Directory open(Path dir) throws IOException {
      return new FilterDirectory(FSDirectory.open(dir)) {
        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
          check(name);
          return super.createOutput(name, context);
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
            throws IOException {
          check(prefix);
          return super.createTempOutput(prefix, suffix, context);
        }

        private void check(String name) throws IOException {
          if (left.getAndDecrement() <= 0) {
            throw new IOException("No space left on device (writing " + name + ")");
          }
        }
      };
    }
  }

  @BeforeEach
  void corpus() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    indexDir = tmp.resolve("data/index");
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年。总部设在北京。\n\n它的成员国不断扩大。\n");
    Files.writeString(corpus.resolve("b.txt"), "东盟是东南亚国家联盟的简称。\n\n上合组织与东盟签署了谅解备忘录。\n");
    settings = TestSettings.index(indexDir, new ChunkSettings(300, 0), 4);
  }

  private Corpus load() {
    return new CorpusLoader(corpus, TestSettings.CORPUS).load();
  }

  /** Every file of the index folder and a hash of its bytes (the lock Lucene takes aside). */
  private Map<String, String> onDisk() throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(indexDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (!f.getFileName().toString().equals("write.lock")) {
          byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
          out.put(f.getFileName().toString(), HexFormat.of().formatHex(hash));
        }
      }
    }
    return out;
  }

  private static boolean anyTextContains(LuceneBackend b, String s) {
    return b.passages().stream().map(Passage::text).anyMatch(t -> t.contains(s));
  }

  @Test
  void a_write_failing_at_any_file_leaves_the_last_good_index_serving_and_on_disk_unchanged()
      throws Exception {
    IndexManager manager = new IndexManager(settings, embedder, ProgressListener.NONE, disk);
    try (LuceneBackend backend = new LuceneBackend(settings, manager, embedder)) {
      backend.refresh(load());
      Map<String, String> good = onDisk();
      int passages = backend.size();
      Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年6月15日。\n\n新增的段落。\n");
      Files.writeString(corpus.resolve("c.txt"), "金砖国家扩员。\n");

      int failures = 0;
      for (int n = 0; n < 60; n++) { // the update fails at its 1st, 2nd, ... file created
        disk.failFromFile(n);
        try {
          backend.refresh(load());
          break; // n files are enough for this update: every point before was tried
        } catch (WendaException e) {
          failures++;
          assertThat(e)
              .hasMessageContaining(indexDir.toString())
              .hasMessageContaining("No space left on device");
        }
        assertThat(onDisk()).as("index folder after a failure at file %d", n).isEqualTo(good);
        assertThat(backend.size()).isEqualTo(passages);
        assertThat(anyTextContains(backend, "新增的段落")).isFalse();
        assertThat(anyTextContains(backend, "总部设在北京")).isTrue();
        try (Stream<Path> s = Files.list(indexDir.getParent())) {
          assertThat(s.map(p -> p.getFileName().toString()))
              .containsExactlyInAnyOrder("index", "index.lock");
        }
      }
      assertThat(failures)
          .as("the write was made to fail at several points")
          .isGreaterThan(1)
          .isLessThan(60);
      System.out.printf(
          "index update failed at each of its %d file creations in turn; index intact each time%n",
          failures);
      assertThat(anyTextContains(backend, "新增的段落")).isTrue();
      assertThat(IndexManifest.read(indexDir).orElseThrow().documents())
          .containsKeys("a", "b", "c");
    }
  }

  @Test
  void a_rebuild_failing_half_way_leaves_the_previous_index_on_disk_unchanged() throws Exception {
    new IndexManager(settings, embedder, ProgressListener.NONE, disk).refresh(load());
    Map<String, String> good = onDisk();
    IndexSettings other =
        TestSettings.index(indexDir, new ChunkSettings(100, 0), 4); // changed: a full rebuild
    disk.failFromFile(2);

    assertThatThrownBy(
            () -> new IndexManager(other, embedder, ProgressListener.NONE, disk).refresh(load()))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining("No space left on device");

    assertThat(onDisk()).isEqualTo(good);
    disk.failFromFile(Integer.MAX_VALUE);
    assertThat(
            new IndexManager(settings, embedder, ProgressListener.NONE, disk)
                .refresh(load())
                .action())
        .isEqualTo(IndexReport.Action.REUSED);
  }
}
