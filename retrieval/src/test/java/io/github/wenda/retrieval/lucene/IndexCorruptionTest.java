package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.CorpusWatch;
import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silent damage to the index's files (a bad disk, a careless tool): random bytes written into the
 * middle of the largest segment file, in place. Opening reads only headers, so before checksums
 * were verified the damaged index was reused and every search failed. Now refresh, the watch and a
 * failing search all find the damage and rebuild from the corpus, while searches keep answering.
 */
class IndexCorruptionTest {
  @TempDir Path tmp;
  private Path corpus;
  private Path indexDir;
  private Retrieval retrieval;
  private RetrievalRefreshTest.Searcher searcher;

  @BeforeEach
  void open() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    indexDir = tmp.resolve("data/index");
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年。总部设在北京。\n\n它的成员国不断扩大。\n");
    for (int i = 0; i < 40; i++) { // enough text for segment files of some size
      StringBuilder text = new StringBuilder();
      for (int j = 0; j < 30; j++) {
        text.append("第").append(i).append("篇文档的第").append(j).append("段，讨论区域合作与经济发展。\n\n");
      }
      Files.writeString(corpus.resolve("doc" + i + ".txt"), text);
    }
    RetrievalSettings settings =
        TestSettings.lucene(
            corpus,
            TestSettings.index(indexDir, new ChunkSettings(300, 0), 16),
            TestSettings.SEARCH);
    retrieval = Retrieval.open(settings, new HashingEmbedder(), ProgressListener.NONE);
    searcher = new RetrievalRefreshTest.Searcher(retrieval);
  }

  @AfterEach
  void close() throws Exception {
    searcher.close();
    retrieval.close();
  }

  /**
   * Writes {@code bytes} random bytes into the middle of the index's largest file, in place (same
   * inode).
   */
  static Path garbleLargestFile(Path indexDir, int bytes) throws IOException {
    Path largest;
    try (Stream<Path> files = Files.list(indexDir)) {
      largest =
          files
              .filter(p -> p.getFileName().toString().startsWith("_"))
              .max(Comparator.comparingLong(p -> p.toFile().length()))
              .orElseThrow();
    }
    byte[] garbage = new byte[bytes];
    new Random(42).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(largest.toFile(), "rw")) {
      long middle = Math.max(0, f.length() / 2 - bytes / 2);
      f.seek(middle);
      f.write(
          garbage,
          0,
          (int)
              Math.min(
                  bytes, f.length() - middle)); // stays within the file: no truncation, no growth
    }
    return largest;
  }

  @Test
  void a_garbled_segment_is_found_at_refresh_and_rebuilt_while_searches_go_on() throws Exception {
    Path garbled = garbleLargestFile(indexDir, 20 * 1024);
    System.out.printf("garbled %s (%d bytes)%n", garbled.getFileName(), Files.size(garbled));

    assertThat(retrieval.refresh().action()).isEqualTo(IndexReport.Action.REBUILT);
    searcher.awaitMore(50);

    assertThat(searcher.problems).isEmpty();
    System.out.printf(
        "garbled segment rebuilt: %d searches meanwhile, none failed%n", searcher.searches.get());
    assertThat(retrieval.search("上海合作组织成立")).isNotEmpty();
    assertThat(IndexIntegrity.isVerified(indexDir)).isTrue();
    try (PassageIndex reopened = PassageIndex.open(indexDir)) {
      assertThat(reopened.passages()).hasSize(retrieval.size());
    }
  }

  @Test
  void the_watch_never_swaps_a_garbled_index_in_but_rebuilds_it() throws Exception {
    try (CorpusWatch watch = CorpusWatch.start(retrieval, Duration.ofHours(1))) { // polled by hand
      garbleLargestFile(indexDir, 20 * 1024);
      watch.check();
      assertThat(retrieval.report().action()).isEqualTo(IndexReport.Action.REBUILT);
      searcher.awaitMore(50);
      watch.check();
      assertThat(retrieval.report().action())
          .as("the rebuilt index verifies: no second rebuild")
          .isEqualTo(IndexReport.Action.REBUILT);
    }
    assertThat(searcher.problems).isEmpty();
    assertThat(IndexIntegrity.isVerified(indexDir)).isTrue();
  }

  @Test
  void a_search_that_trips_over_damage_under_the_open_reader_rebuilds_and_answers()
      throws Exception {
    searcher.close(); // this test reads deterministically itself
    int passages = retrieval.size();
    String commit =
        io.github.wenda.retrieval.lucene.IndexManifest.read(indexDir).orElseThrow().commitId();
    Path garbled;
    try (Stream<Path> files = Files.list(indexDir)) {
      garbled =
          files.filter(p -> p.getFileName().toString().endsWith(".cfs")).findFirst().orElseThrow();
    }
    byte[] garbage = new byte[(int) Files.size(garbled)];
    new Random(7).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(garbled.toFile(), "rw")) {
      f.seek(0);
      f.write(garbage); // the whole segment, in place: the open reader sees it too
    }

    assertThat(retrieval.passages())
        .hasSize(passages); // reads every stored passage: fails, repairs, retries
    assertThat(retrieval.search("上海合作组织成立")).isNotEmpty();
    assertThat(IndexIntegrity.isVerified(indexDir)).isTrue();
    assertThat(
            io.github.wenda.retrieval.lucene.IndexManifest.read(indexDir).orElseThrow().commitId())
        .as("rebuilt by the failing read, with no refresh")
        .isNotEqualTo(commit);
  }
}
