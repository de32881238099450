package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.retrieval.Retrieval;
import io.github.wenda.retrieval.RetrievalSettings;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mistyped {@code index.dir} never costs the user a file: what Wenda did not make is refused, not
 * rebuilt over.
 */
class IndexFolderTest {
  @TempDir Path tmp;
  Path corpus;

  @BeforeEach
  void corpus() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年。总部设在北京。\n");
    Files.writeString(corpus.resolve("b.txt"), "东盟是东南亚国家联盟的简称。\n");
  }

  private IndexReport refresh(Path indexDir) {
    return new IndexManager(
            TestSettings.index(indexDir, new ChunkSettings(300, 0), 4),
            new HashingEmbedder(),
            ProgressListener.NONE)
        .refresh(new CorpusLoader(corpus, TestSettings.CORPUS).load());
  }

  /** Every file under {@code root} with its content. */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  private void assertNoSiblingsLeft(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .noneMatch(
              n ->
                  n.startsWith(dir.getFileName() + ".building-")
                      || n.startsWith(dir.getFileName() + ".old-")
                      || n.equals(dir.getFileName() + ".lock"));
    }
  }

  @Test
  void a_user_folder_named_by_index_dir_is_refused_with_its_files_intact() throws IOException {
    Path docs = Files.createDirectories(tmp.resolve("userdocs"));
    Files.writeString(docs.resolve("thesis.md"), "我的论文");
    Files.createDirectories(docs.resolve("sub"));
    Files.writeString(docs.resolve("sub/notes.txt"), "笔记");
    Map<String, String> before = contents(docs);

    assertThatThrownBy(() -> refresh(docs))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining(docs.toString())
        .hasMessageContaining("index.dir")
        .hasMessageContaining("not a Wenda index");
    RetrievalSettings settings =
        TestSettings.lucene(
            corpus, TestSettings.index(docs, new ChunkSettings(300, 0), 4), TestSettings.SEARCH);
    assertThatThrownBy(() -> Retrieval.open(settings, new HashingEmbedder(), ProgressListener.NONE))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining(docs.toString())
        .hasMessageContaining("index.dir");

    assertThat(contents(docs)).isEqualTo(before);
    assertNoSiblingsLeft(docs);
  }

  @Test
  void a_folder_with_someone_elses_manifest_json_is_not_taken_for_an_index() throws IOException {
    Path app = Files.createDirectories(tmp.resolve("webapp"));
    Files.writeString(app.resolve("manifest.json"), "{\"name\": \"my app\", \"start_url\": \"/\"}");
    Files.writeString(app.resolve("index.html"), "<html></html>");
    Map<String, String> before = contents(app);

    assertThatThrownBy(() -> refresh(app))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining(app.toString());
    assertThat(contents(app)).isEqualTo(before);
  }

  @Test
  void a_file_named_by_index_dir_is_refused_and_kept() throws IOException {
    Path file = Files.writeString(tmp.resolve("wenda.yaml"), "search:\n  k: 5\n");

    assertThatThrownBy(() -> refresh(file))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("index.dir")
        .hasMessageContaining("is a file");

    assertThat(file).hasContent("search:\n  k: 5\n");
    assertNoSiblingsLeft(file);
  }

  @Test
  void the_corpus_folder_named_by_index_dir_survives() throws IOException {
    Map<String, String> before = contents(corpus);

    assertThatThrownBy(() -> refresh(corpus))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining("index.dir");
    RetrievalSettings settings =
        TestSettings.lucene(
            corpus, TestSettings.index(corpus, new ChunkSettings(300, 0), 4), TestSettings.SEARCH);
    assertThatThrownBy(() -> Retrieval.open(settings, new HashingEmbedder(), ProgressListener.NONE))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining("index.dir")
        .hasMessageContaining("corpus.dir");
    RetrievalSettings inside =
        TestSettings.lucene(
            corpus,
            TestSettings.index(corpus.resolve(".index"), new ChunkSettings(300, 0), 4),
            TestSettings.SEARCH);
    assertThatThrownBy(() -> Retrieval.open(inside, new HashingEmbedder(), ProgressListener.NONE))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining("overlap");

    assertThat(contents(corpus)).isEqualTo(before);
    assertNoSiblingsLeft(corpus);
  }

  @Test
  void an_empty_folder_becomes_the_index_and_a_wenda_index_is_rebuilt_over_as_before()
      throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("fresh"));
    assertThat(refresh(empty).action()).isEqualTo(IndexReport.Action.REBUILT);
    assertThat(empty.resolve(IndexFolder.MARKER)).exists();

    Files.delete(
        empty.resolve(
            IndexManifest.FILE_NAME)); // Wenda's (marked) index missing its manifest: rebuilt
    assertThat(refresh(empty).action()).isEqualTo(IndexReport.Action.REBUILT);
    assertThat(refresh(empty).action()).isEqualTo(IndexReport.Action.REUSED);
  }

  @Test
  void an_index_from_before_markers_is_recognised_by_its_manifest_and_reused() throws IOException {
    Path dir = tmp.resolve("data/index");
    refresh(dir);
    Files.delete(dir.resolve(IndexFolder.MARKER)); // as an older Wenda left it

    assertThat(refresh(dir).action()).isEqualTo(IndexReport.Action.REUSED);
    assertThat(dir.resolve(IndexFolder.MARKER)).exists();
  }

  @Test
  void an_index_dir_that_is_a_link_to_a_wenda_index_stays_a_link_through_a_rebuild()
      throws IOException {
    Path real = tmp.resolve("disk2/index");
    refresh(real);
    Path link = Files.createSymbolicLink(tmp.resolve("index-link"), real);
    Files.delete(real.resolve(IndexManifest.FILE_NAME)); // forces a rebuild and swap

    assertThat(refresh(link).action()).isEqualTo(IndexReport.Action.REBUILT);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(IndexManifest.read(real)).isPresent();
  }
}
