package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.FormatSummary;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.api.SkippedFile;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexing a corpus of every format, with broken files among them: the rest indexes, every skip is
 * accounted for.
 */
class MixedFormatIndexTest {
  @TempDir Path tmp;
  Path corpus;
  Path indexDir;

  @BeforeEach
  void corpus() throws Exception {
    corpus = Files.createDirectories(tmp.resolve("corpus"));
    indexDir = tmp.resolve("data/index");
    for (String name :
        List.of("manual.pdf", "manual.docx", "guide.md", "debian-faq-customizing.zh-cn.html")) {
      Files.copy(Path.of(getClass().getResource("/formats/" + name).toURI()), corpus.resolve(name));
    }
    Files.writeString(corpus.resolve("notes.txt"), "上海合作组织成立于2001年。\n");
    Files.writeString(corpus.resolve("broken.pdf"), "%PDF-1.4 this is not a PDF at all");
    Files.writeString(corpus.resolve("book.epub"), "PK...");
  }

  private IndexReport refresh() {
    return new IndexManager(
            TestSettings.index(indexDir, new ChunkSettings(300, 0), 8),
            new HashingEmbedder(),
            ProgressListener.NONE)
        .refresh(new CorpusLoader(corpus, TestSettings.CORPUS).load());
  }

  private List<Passage> indexed() throws IOException {
    try (PassageIndex index = PassageIndex.open(indexDir)) {
      return index.passages();
    }
  }

  @Test
  void indexes_every_readable_format_and_accounts_for_each_skipped_file() throws IOException {
    IndexReport r = refresh();
    assertThat(r.documents()).isEqualTo(5);
    assertThat(r.skipped())
        .extracting(SkippedFile::file)
        .containsExactlyInAnyOrder("broken.pdf", "book.epub");
    assertThat(r.warnings())
        .anyMatch(w -> w.contains("broken.pdf"))
        .anyMatch(w -> w.contains("book.epub"));
    FormatSummary summary =
        FormatSummary.of(
            new CorpusLoader(corpus, TestSettings.CORPUS).load().documents(), r.skipped());
    assertThat(summary.lines())
        .contains(
            "pdf        1 indexed, 1 skipped",
            ".epub      0 indexed, 1 skipped",
            "html       1 indexed",
            "docx       1 indexed",
            "markdown   1 indexed",
            "text       1 indexed");
    assertThat(indexed())
        .extracting(Passage::docId)
        .contains("manual.pdf", "manual.docx", "guide", "debian-faq-customizing.zh-cn", "notes");
  }

  @Test
  void pdf_passages_carry_their_page_and_no_contents_passage_is_stored() throws IOException {
    refresh();
    List<Passage> pdf = indexed().stream().filter(p -> p.docId().equals("manual.pdf")).toList();
    assertThat(pdf).isNotEmpty().allSatisfy(p -> assertThat(p.page()).isBetween(2, 5));
    assertThat(pdf)
        .filteredOn(p -> p.text().contains("Dl-Limit"))
        .singleElement()
        .satisfies(p -> assertThat(p.page()).isEqualTo(4));
    assertThat(indexed()).noneMatch(p -> p.kind() == SegmentKind.CONTENTS);
  }

  @Test
  void an_unreadable_file_is_tried_again_and_reported_again_on_the_next_refresh()
      throws IOException {
    refresh();
    IndexReport again = refresh();
    assertThat(again.action()).isEqualTo(IndexReport.Action.REUSED);
    assertThat(again.skipped()).extracting(SkippedFile::file).contains("broken.pdf");
    Files.copy(
        corpus.resolve("manual.pdf"),
        corpus.resolve("broken.pdf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    IndexReport fixed = refresh();
    assertThat(fixed.action()).isEqualTo(IndexReport.Action.UPDATED);
    assertThat(fixed.skipped()).extracting(SkippedFile::file).containsExactly("book.epub");
    assertThat(indexed()).extracting(Passage::docId).contains("broken");
  }
}
