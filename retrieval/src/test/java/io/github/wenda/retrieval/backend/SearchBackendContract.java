package io.github.wenda.retrieval.backend;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link SearchBackend} promises, run against each implementation on a copy of the
 * bundled corpus with a fast fake embedder: incremental, idempotent refresh; a changed or removed
 * document fully replaced; the same search behaviour for odd question text.
 */
public abstract class SearchBackendContract {
  private static final String MARKER = "紫色长颈鹿在月球上跳舞";

  @TempDir protected Path tmp;
  protected Path corpusDir;
  private SearchBackend backend;

  /** A fresh, empty backend for one test. */
  protected abstract SearchBackend create(IndexSettings index, Embedder embedder) throws Exception;

  @BeforeEach
  void setUp() throws Exception {
    corpusDir = tmp.resolve("corpus");
    Files.createDirectories(corpusDir);
    try (Stream<Path> files = Files.list(Path.of("..", "corpus"))) {
      for (Path f :
          files
              .filter(f -> f.toString().endsWith(".txt") || f.toString().endsWith(".yaml"))
              .toList()) {
        Files.copy(f, corpusDir.resolve(f.getFileName()));
      }
    }
    backend =
        create(
            TestSettings.index(tmp.resolve("index"), TestSettings.CHUNK, 16),
            new HashingEmbedder());
  }

  @AfterEach
  void tearDown() throws IOException {
    if (backend != null) {
      backend.close();
    }
  }

  private Corpus corpus() {
    return new CorpusLoader(corpusDir, TestSettings.CORPUS).load();
  }

  @Test
  void refresh_indexes_everything_then_reuses_it() {
    IndexReport first = backend.refresh(corpus());
    assertThat(first.action()).isEqualTo(IndexReport.Action.REBUILT);
    assertThat(first.passages()).isGreaterThan(100).isEqualTo(first.embedded());
    assertThat(backend.size()).isEqualTo(first.passages());
    assertThat(backend.passages()).hasSize(first.passages());

    IndexReport again = backend.refresh(corpus());
    assertThat(again.action()).isEqualTo(IndexReport.Action.REUSED);
    assertThat(again.embedded()).isZero();
    assertThat(backend.size()).isEqualTo(first.passages());
  }

  @Test
  void a_changed_document_is_replaced_and_a_removed_one_disappears() throws IOException {
    int before = backend.refresh(corpus()).passages();
    Path doc = firstDocument();
    String docId = corpus().documents().get(0).id();
    Files.writeString(
        doc, "\n\n" + MARKER + "。这是一句新加的话。\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    IndexReport changed = backend.refresh(corpus());
    assertThat(changed.action()).isEqualTo(IndexReport.Action.UPDATED);
    assertThat(changed.changedDocuments()).containsExactly(docId);
    assertThat(backend.size()).isBetween(before, before + 2);
    List<Hit> hits =
        backend.retriever(TestSettings.SEARCH).search(new Query(MARKER, 3, SearchMode.BM25));
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).passage().docId()).isEqualTo(docId);
    assertThat(hits.get(0).passage().text()).contains(MARKER);
    assertThat(backend.refresh(corpus()).action()).isEqualTo(IndexReport.Action.REUSED);

    Files.delete(doc);
    IndexReport removed = backend.refresh(corpus());
    assertThat(removed.changedDocuments()).containsExactly(docId);
    assertThat(backend.passages()).extracting(Passage::docId).doesNotContain(docId);
    assertThat(backend.size()).isEqualTo(removed.passages()).isLessThan(before);
  }

  @Test
  void every_mode_ranks_hits_and_odd_text_is_never_syntax() {
    backend.refresh(corpus());
    for (SearchMode mode : SearchMode.values()) {
      List<Hit> hits =
          backend.retriever(TestSettings.SEARCH).search(new Query("上海合作组织的国际合作", 5, mode));
      assertThat(hits).as(mode.label()).hasSize(5);
      assertThat(hits).extracting(Hit::rank).containsExactly(1, 2, 3, 4, 5);
    }
    for (String odd :
        List.of("*:* OR {!func}abs(1)", "\"(", "   ", "AND NOT [1 TO *]", "上合 ^10 ~ \\")) {
      assertThat(
              backend.retriever(TestSettings.SEARCH).search(new Query(odd, 5, SearchMode.HYBRID)))
          .as(odd)
          .hasSizeLessThanOrEqualTo(5);
    }
  }

  @Test
  void the_same_text_in_two_formats_is_one_hit_naming_both_documents() throws IOException {
    // given an operator who dropped a manual both as text and as Markdown
    String text = "紫色长颈鹿在月球上跳舞，它们每年秋天从火星迁徙到木星的卫星上过冬。";
    Files.writeString(corpusDir.resolve("giraffes.txt"), text + "\n");
    Files.writeString(corpusDir.resolve("giraffes-copy.md"), "# 长颈鹿手册\n\n" + text + "\n");
    backend.refresh(corpus());

    for (SearchMode mode : SearchMode.values()) {
      List<Hit> hits =
          backend.retriever(TestSettings.SEARCH).search(new Query("紫色长颈鹿在哪里跳舞", 5, mode));
      // then the text is one hit, which names the other document, and the other ranks still count
      // up
      List<Hit> giraffes = hits.stream().filter(h -> h.passage().text().contains("长颈鹿")).toList();
      assertThat(giraffes).as(mode.label()).hasSize(1);
      Hit hit = giraffes.get(0);
      assertThat(Stream.concat(Stream.of(hit.passage()), hit.also().stream()).map(Passage::docId))
          .as(mode.label())
          .containsExactlyInAnyOrder("giraffes", "giraffes-copy");
      assertThat(hits).extracting(Hit::rank).as(mode.label()).containsExactly(1, 2, 3, 4, 5);
    }
  }

  @Test
  void hybrid_hits_carry_the_share_of_the_question_their_best_sentence_holds() throws IOException {
    // given a passage whose first sentence holds the question's words and whose second does not
    Files.writeString(
        corpusDir.resolve("giraffes.txt"), "紫色长颈鹿在月球上跳舞。木星的卫星上住着别的动物。\n", StandardCharsets.UTF_8);
    backend.refresh(corpus());

    Hit hybrid =
        backend
            .retriever(TestSettings.SEARCH)
            .search(new Query("紫色长颈鹿在哪里跳舞", 5, SearchMode.HYBRID))
            .get(0);
    // then hybrid search read its sentences: all words but 哪里 and its bigrams are in the first
    assertThat(hybrid.passage().text()).contains("长颈鹿");
    assertThat(hybrid.details().sentence()).isBetween(0.5, 0.99);
    // and a single-list search reads none
    Hit bm25 =
        backend
            .retriever(TestSettings.SEARCH)
            .search(new Query("紫色长颈鹿在哪里跳舞", 5, SearchMode.BM25))
            .get(0);
    assertThat(bm25.details().sentence()).isZero();
  }

  @Test
  void idf_is_higher_for_rarer_words() {
    backend.refresh(corpus());
    assertThat(backend.idf("合作")).isLessThan(backend.idf("建章立制"));
    assertThat(backend.idf("不存在的词语")).isGreaterThan(backend.idf("合作"));
  }

  private Path firstDocument() throws IOException {
    try (Stream<Path> files = Files.list(corpusDir)) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
    }
  }
}
