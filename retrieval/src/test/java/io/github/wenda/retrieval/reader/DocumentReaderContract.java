package io.github.wenda.retrieval.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link DocumentReader} promises, run on a real file of its format (see
 * formats/README.md): the document's blocks in reading order, in its own characters; a file it
 * cannot read is reported naming the file and why, never returned as half a document; the same file
 * gives the same document every time, from any thread. Subclasses supply the reader, the fixture
 * and phrases of the fixture in document order.
 */
public abstract class DocumentReaderContract {
  @TempDir protected Path dir;

  protected abstract DocumentReader reader();

  /** A real file of the reader's format. */
  protected abstract Path fixture();

  /**
   * Phrases of the fixture as the document writes them (full-width punctuation, paths, commands),
   * in the order they appear in it.
   */
  protected abstract List<String> phrasesInOrder();

  /** The extension files of the format carry ("pdf"). */
  protected abstract String extension();

  /**
   * The bytes of a broken file of the format made from the fixture's: by default cut off in the
   * middle, like an interrupted download. Text formats, whose any prefix is a valid document, give
   * bytes that are no text in any encoding the readers accept instead.
   */
  protected byte[] broken(byte[] fixture) {
    return Arrays.copyOf(fixture, fixture.length / 2);
  }

  @Test
  void reads_the_fixtures_phrases_in_document_order() {
    String all = joined(reader().read(fixture()));
    int from = 0;
    for (String phrase : phrasesInOrder()) {
      int at = all.indexOf(phrase, from);
      assertThat(at).as("\"%s\" after position %d of:%n%s", phrase, from, all).isNotNegative();
      from = at + phrase.length();
    }
  }

  @Test
  void keeps_the_documents_characters_without_replacement_or_control_characters() {
    for (Block b : reader().read(fixture()).blocks()) {
      assertThat(b.text())
          .as("block %s", b)
          .doesNotContain("\uFFFD", "\r", "\u0000")
          .isEqualTo(b.text().strip());
    }
  }

  @Test
  void has_text_and_pages_that_never_go_back() {
    StructuredDocument doc = reader().read(fixture());
    assertThat(doc.hasNoText()).isFalse();
    List<Integer> pages = doc.blocks().stream().map(Block::page).toList();
    assertThat(pages).isSorted();
  }

  @Test
  void reads_the_same_file_to_the_same_document_again_and_from_other_threads() {
    StructuredDocument first = reader().read(fixture());
    List<CompletableFuture<StructuredDocument>> others =
        List.of(
            CompletableFuture.supplyAsync(() -> reader().read(fixture())),
            CompletableFuture.supplyAsync(() -> reader().read(fixture())));
    assertThat(reader().read(fixture())).isEqualTo(first);
    for (CompletableFuture<StructuredDocument> other : others) {
      assertThat(other.join()).isEqualTo(first);
    }
  }

  @Test
  void a_broken_file_is_reported_naming_the_file_and_the_reason() throws Exception {
    Path file = dir.resolve("broken." + extension());
    Files.write(file, broken(Files.readAllBytes(fixture())));
    assertThatThrownBy(() -> reader().read(file))
        .isInstanceOfSatisfying(
            UnreadableDocumentException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.reason()).isNotBlank();
              assertThat(e.getMessage()).contains(file.toString()).contains(e.reason());
            });
  }

  @Test
  void a_missing_file_is_reported_naming_the_file() {
    Path file = dir.resolve("missing." + extension());
    assertThatThrownBy(() -> reader().read(file))
        .isInstanceOfSatisfying(
            UnreadableDocumentException.class,
            e -> {
              assertThat(e.file()).isEqualTo(file);
              assertThat(e.reason()).isNotBlank();
            });
  }

  @Test
  void an_empty_file_is_a_document_without_text_or_reported_naming_the_file() throws Exception {
    Path file = Files.createFile(dir.resolve("empty." + extension()));
    Throwable thrown =
        catchThrowable(
            () -> {
              assertThat(reader().read(file).blocks()).isEmpty();
            });
    if (thrown != null) {
      assertThat(thrown)
          .isInstanceOfSatisfying(
              UnreadableDocumentException.class,
              e -> {
                assertThat(e.file()).isEqualTo(file);
                assertThat(e.reason()).isNotBlank();
              });
    }
  }

  /** The block texts, one per line in order, so phrases can be found in sequence. */
  private static String joined(StructuredDocument doc) {
    return String.join("\n", doc.blocks().stream().map(Block::text).toList());
  }

  /** Bytes no supported text encoding decodes: UTF-8 and GB18030 both refuse 0x80 and 0xFF. */
  protected static byte[] notText(byte[] fixture) {
    byte[] out = Arrays.copyOf(fixture, fixture.length + 4);
    int mid = fixture.length / 2;
    System.arraycopy(fixture, mid, out, mid + 4, fixture.length - mid);
    out[mid] = (byte) 0x80;
    out[mid + 1] = (byte) 0xFF;
    out[mid + 2] = (byte) 0x80;
    out[mid + 3] = (byte) 0xFF;
    return out;
  }
}
