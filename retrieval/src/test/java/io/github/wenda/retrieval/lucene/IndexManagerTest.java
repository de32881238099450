package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexManagerTest {
  @TempDir Path tmp;
  Path corpus;
  Path indexDir;
  HashingEmbedder embedder = new HashingEmbedder();

  @BeforeEach
  void corpus() throws IOException {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    indexDir = tmp.resolve("data/index");
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年。总部设在北京。\n\n它的成员国不断扩大。\n");
    Files.writeString(corpus.resolve("b.txt"), "东盟是东南亚国家联盟的简称。\n\n上合组织与东盟签署了谅解备忘录。\n");
  }

  private IndexReport refresh() {
    return refresh(new ChunkSettings(300, 0), embedder);
  }

  private IndexReport refresh(ChunkSettings chunk, Embedder e) {
    Corpus c = new CorpusLoader(corpus, TestSettings.CORPUS).load();
    return new IndexManager(TestSettings.index(indexDir, chunk, 4), e, ProgressListener.NONE)
        .refresh(c);
  }

  private List<Passage> indexed() throws IOException {
    try (PassageIndex index = PassageIndex.open(indexDir)) {
      return index.passages();
    }
  }

  @Test
  void builds_an_index_with_a_manifest() throws IOException {
    IndexReport r = refresh();
    assertThat(r.action()).isEqualTo(IndexReport.Action.REBUILT);
    assertThat(r.documents()).isEqualTo(2);
    assertThat(r.stages()).containsKeys("clean", "chunk", "embed", "write");
    IndexManifest m = IndexManifest.read(indexDir).orElseThrow();
    assertThat(m.documents()).containsKeys("a", "b");
    assertThat(m.modelId()).isEqualTo("hashing-test");
    assertThat(m.settings()).containsEntry("chunk.max-chars", "300");
    assertThat(indexed()).hasSize(r.passages()).extracting(Passage::docId).contains("a", "b");
  }

  @Test
  void reuses_an_unchanged_index_without_embedding() {
    refresh();
    int before = embedder.embedded();
    IndexReport r = refresh();
    assertThat(r.action()).isEqualTo(IndexReport.Action.REUSED);
    assertThat(embedder.embedded()).isEqualTo(before);
  }

  @Test
  void re_embeds_only_changed_added_and_removed_documents() throws IOException {
    refresh();
    int before = embedder.embedded();
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年6月15日。\n");
    Files.writeString(corpus.resolve("c.md"), "# 新文件\n\n金砖国家也在扩员。\n");
    IndexReport r = refresh();
    assertThat(r.action()).isEqualTo(IndexReport.Action.UPDATED);
    assertThat(r.changedDocuments()).containsExactlyInAnyOrder("a", "c");
    assertThat(embedder.embedded() - before).isEqualTo(r.embedded()).isLessThan(r.passages());
    assertThat(indexed())
        .extracting(Passage::text)
        .anyMatch(t -> t.contains("6月15日"))
        .noneMatch(t -> t.contains("总部设在北京"))
        .anyMatch(t -> t.contains("金砖国家"));

    Files.delete(corpus.resolve("b.txt"));
    IndexReport removed = refresh();
    assertThat(removed.changedDocuments()).containsExactly("b");
    assertThat(indexed()).extracting(Passage::docId).doesNotContain("b");
    assertThat(IndexManifest.read(indexDir).orElseThrow().documents()).doesNotContainKey("b");
  }

  @Test
  void changed_chunk_settings_or_model_rebuild_everything() {
    refresh();
    assertThat(refresh(new ChunkSettings(200, 0), embedder).action())
        .isEqualTo(IndexReport.Action.REBUILT);
    assertThat(refresh(new ChunkSettings(200, 0), new HashingEmbedder("other-model")).action())
        .isEqualTo(IndexReport.Action.REBUILT);
  }

  @Test
  void a_corrupt_index_is_detected_and_rebuilt() throws IOException {
    refresh();
    try (Stream<Path> files = Files.list(indexDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
        Files.write(f, new byte[] {1, 2, 3});
      }
    }
    IndexReport r = refresh();
    assertThat(r.action()).isEqualTo(IndexReport.Action.REBUILT);
    assertThat(indexed()).hasSize(r.passages());
  }

  @Test
  void a_missing_or_garbled_manifest_means_rebuild() throws IOException {
    refresh();
    Files.writeString(indexDir.resolve(IndexManifest.FILE_NAME), "{ not json");
    assertThat(refresh().action()).isEqualTo(IndexReport.Action.REBUILT);
    Files.delete(indexDir.resolve(IndexManifest.FILE_NAME));
    assertThat(refresh().action()).isEqualTo(IndexReport.Action.REBUILT);
  }

  @Test
  void a_manifest_from_another_commit_means_a_half_written_index() throws IOException {
    refresh();
    IndexManifest m = IndexManifest.read(indexDir).orElseThrow();
    new IndexManifest(m.pipelineVersion(), m.modelId(), m.settings(), m.documents(), "stale")
        .write(indexDir);
    assertThat(refresh().action()).isEqualTo(IndexReport.Action.REBUILT);
  }

  @Test
  void leftovers_of_an_interrupted_build_are_removed_but_look_alikes_without_the_marker_are_kept()
      throws IOException {
    Path building =
        Files.createDirectories(tmp.resolve("data/index.building-" + java.util.UUID.randomUUID()));
    Files.writeString(building.resolve(IndexFolder.MARKER), "");
    Files.writeString(building.resolve("_0.cfs"), "x");
    Path old =
        Files.createDirectories(
            tmp.resolve("data/index.old-" + java.util.UUID.randomUUID())); // empty: crash at mkdir
    Path lookAlike =
        Files.createDirectories(tmp.resolve("data/index.building-" + java.util.UUID.randomUUID()));
    Files.writeString(lookAlike.resolve("notes.txt"), "mine");
    Path named = Files.createDirectories(tmp.resolve("data/index.old-photos"));
    Files.writeString(named.resolve("a.jpg"), "mine");
    refresh();
    assertThat(building).doesNotExist();
    assertThat(old).doesNotExist();
    assertThat(lookAlike.resolve("notes.txt")).hasContent("mine");
    assertThat(named.resolve("a.jpg")).hasContent("mine");
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(tmp.resolve("data"))) {
      s.forEach(p -> names.add(p.getFileName().toString()));
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "index",
            "index.lock",
            lookAlike.getFileName().toString(),
            named.getFileName().toString());
  }
}
