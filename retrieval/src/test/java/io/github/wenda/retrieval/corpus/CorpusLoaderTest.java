package io.github.wenda.retrieval.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.CorpusOptions;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.DocumentInfo;
import io.github.wenda.retrieval.api.SkippedFile;
import io.github.wenda.retrieval.testing.TestSettings;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTest {
  @TempDir Path dir;

  @Test
  void loads_every_supported_format_recursively_in_path_order_with_ids_from_paths()
      throws Exception {
    Files.writeString(dir.resolve("b.md"), "# 标题B\n正文。");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/a.txt"), "正文A。");
    Files.writeString(dir.resolve("sub/c.html"), "<p>正文C。</p>");
    Files.writeString(dir.resolve("notes.pdf"), "not really a PDF");
    Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
    assertThat(c.documents())
        .extracting(Document::id)
        .containsExactly("b", "notes", "sub/a", "sub/c");
    assertThat(c.documents())
        .extracting(d -> d.format().label())
        .containsExactly("markdown", "pdf", "text", "html");
    assertThat(c.documents().get(0).title()).isEqualTo("标题B");
  }

  @Test
  void an_unsupported_type_is_skipped_with_a_warning_and_the_questions_files_are_not()
      throws Exception {
    Files.writeString(dir.resolve("book.epub"), "x");
    Files.writeString(dir.resolve("questions.jsonl"), "{}");
    Files.writeString(dir.resolve(".hidden.txt"), "正文。");
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
    assertThat(c.documents()).extracting(Document::id).containsExactly("ok");
    assertThat(c.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.file()).isEqualTo("book.epub");
              assertThat(s.format()).isEqualTo(".epub");
              assertThat(s.reason()).contains("unsupported type");
            });
    assertThat(c.warnings())
        .singleElement()
        .asString()
        .contains("book.epub")
        .contains("unsupported");
  }

  @Test
  void a_file_over_the_size_limit_is_skipped_naming_the_setting() throws Exception {
    Files.write(dir.resolve("huge.txt"), "正文。\n".repeat(200_000).getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    Corpus c = new CorpusLoader(dir, CorpusOptions.ofMegabytes(false, 1)).load();
    assertThat(c.documents()).extracting(Document::id).containsExactly("ok");
    assertThat(c.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("corpus.max-file-mb").contains("1 MB"));
  }

  @Test
  void a_symlink_leading_out_of_the_corpus_is_not_followed_unless_the_setting_says_so(
      @TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("passwd.txt"), "root:x:0:0。");
    Files.createSymbolicLink(dir.resolve("link.txt"), outside.resolve("passwd.txt"));
    Files.createSymbolicLink(dir.resolve("linked-dir"), outside);
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    Files.createSymbolicLink(dir.resolve("inside.txt"), dir.resolve("ok.txt"));
    Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
    assertThat(c.documents()).extracting(Document::id).containsExactly("inside", "ok");
    assertThat(c.skipped())
        .extracting(SkippedFile::file)
        .containsExactlyInAnyOrder("link.txt", "linked-dir");
    assertThat(c.skipped())
        .allSatisfy(s -> assertThat(s.reason()).contains("corpus.follow-symlinks"));
    Corpus followed = new CorpusLoader(dir, CorpusOptions.ofMegabytes(true, 50)).load();
    assertThat(followed.documents())
        .extracting(Document::id)
        .containsExactly("inside", "link", "linked-dir/passwd", "ok");
  }

  @Test
  void a_path_too_long_for_the_file_system_is_skipped_with_the_reason_and_the_rest_loads()
      throws Exception {
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    // Java cannot make a path over PATH_MAX (4096 bytes), but a shell changing folder step by step
    // can.
    String seg = "d".repeat(200);
    run(
        "cd '"
            + dir
            + "' && for i in $(seq 1 25); do mkdir "
            + seg
            + " && cd "
            + seg
            + "; done && echo 正文。 > deep.txt");
    try {
      Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
      assertThat(c.documents()).extracting(Document::id).containsExactly("ok");
      assertThat(c.skipped())
          .singleElement()
          .satisfies(s -> assertThat(s.reason()).containsIgnoringCase("too long"));
    } finally {
      run("cd '" + dir + "' && rm -rf " + seg);
    }
  }

  @Test
  void a_broken_symlink_is_skipped_and_the_rest_loads() throws Exception {
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    Files.createSymbolicLink(dir.resolve("dangling.txt"), dir.resolve("gone.txt"));
    Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
    assertThat(c.documents()).extracting(Document::id).containsExactly("ok");
    assertThat(c.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.file()).isEqualTo("dangling.txt"));
  }

  private static void run(String script) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void an_unreadable_file_and_folder_are_skipped_with_the_reason() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        "root".equals(System.getProperty("user.name")), "root reads every file");
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    Path secret = Files.writeString(dir.resolve("secret.txt"), "正文。");
    Path closed = Files.createDirectories(dir.resolve("closed"));
    Files.writeString(closed.resolve("inner.txt"), "正文。");
    secret.toFile().setReadable(false);
    closed.toFile().setReadable(false);
    closed.toFile().setExecutable(false);
    try {
      Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
      assertThat(c.documents()).extracting(Document::id).containsExactly("ok");
      assertThat(c.skipped())
          .extracting(SkippedFile::reason)
          .allMatch(r -> r.contains("permission denied"));
    } finally {
      closed.toFile().setExecutable(true);
      closed.toFile().setReadable(true);
      secret.toFile().setReadable(true);
    }
  }

  @Test
  void takes_titles_and_authors_from_the_catalog() throws Exception {
    Files.writeString(dir.resolve("000.txt"), "正文。");
    Files.writeString(
        dir.resolve("catalog.yaml"), "documents:\n  000.txt:\n    title: 上合组织\n    author: 韩璐\n");
    Document d = new CorpusLoader(dir, TestSettings.CORPUS).load().documents().get(0);
    assertThat(d.info()).isEqualTo(new DocumentInfo("上合组织", "韩璐", ""));
  }

  @Test
  void a_broken_catalog_names_the_file() throws Exception {
    Files.writeString(dir.resolve("catalog.yaml"), "documents: [\n  : :");
    assertThatThrownBy(() -> new CorpusLoader(dir, TestSettings.CORPUS).load())
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("catalog.yaml");
  }

  @Test
  void skips_empty_and_binary_files_with_a_warning_naming_them() throws Exception {
    Files.writeString(dir.resolve("empty.txt"), "  \n");
    Files.write(dir.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
    assertThat(c.documents()).extracting(Document::id).containsExactly("ok");
    assertThat(c.warnings())
        .anyMatch(w -> w.contains("empty.txt"))
        .anyMatch(w -> w.contains("image.txt"));
  }

  @Test
  void reads_gbk_text_as_gb18030_and_warns() throws Exception {
    Files.write(dir.resolve("gbk.txt"), "上海合作组织成立于2001年。".getBytes(Charset.forName("GBK")));
    Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
    assertThat(c.documents().get(0).rawText()).isEqualTo("上海合作组织成立于2001年。");
    assertThat(c.warnings()).singleElement().asString().contains("gbk.txt").contains("GB18030");
  }

  @Test
  void undecodable_text_is_skipped_naming_the_file_and_byte_offset_and_the_rest_loads()
      throws Exception {
    byte[] good = "正文".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 2];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0x81; // a GB18030 lead byte followed by an impossible trail byte
    bytes[good.length + 1] = (byte) 0x7F;
    Files.write(dir.resolve("bad.txt"), bytes);
    Files.write(
        dir.resolve("latin1.txt"),
        "café crème, naïve façade".getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
    assertThat(c.documents()).extracting(Document::id).containsExactly("ok");
    assertThat(c.skipped()).extracting(SkippedFile::file).containsExactly("bad.txt", "latin1.txt");
    assertThat(c.skipped().get(0).reason()).contains("at " + good.length).contains("UTF-8");
    assertThat(c.warnings()).anyMatch(w -> w.contains("bad.txt"));
  }

  @Test
  void a_character_cut_off_at_the_end_keeps_the_text_before_it_with_a_warning() throws Exception {
    byte[] good = "上海合作组织。".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(good, good.length + 2);
    byte[] cut = "文".getBytes(StandardCharsets.UTF_8);
    bytes[good.length] = cut[0];
    bytes[good.length + 1] = cut[1];
    Files.write(dir.resolve("cut.txt"), bytes);
    Corpus c = new CorpusLoader(dir, TestSettings.CORPUS).load();
    assertThat(c.documents())
        .singleElement()
        .satisfies(d -> assertThat(d.rawText()).isEqualTo("上海合作组织。"));
    assertThat(c.warnings()).singleElement().asString().contains("cut.txt").contains("cut-off");
  }

  @Test
  void strips_a_utf8_byte_order_mark() throws Exception {
    byte[] text = "正文。".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    Files.write(dir.resolve("bom.txt"), bytes);
    assertThat(new CorpusLoader(dir, TestSettings.CORPUS).load().documents().get(0).rawText())
        .isEqualTo("正文。");
  }

  @Test
  void a_missing_folder_is_named() {
    assertThatThrownBy(() -> new CorpusLoader(dir.resolve("nope"), TestSettings.CORPUS).load())
        .hasMessageContaining("nope");
  }

  @Test
  void the_hash_changes_with_the_bytes() throws Exception {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "一。");
    String h1 = new CorpusLoader(dir, TestSettings.CORPUS).load().documents().get(0).sha256();
    Files.writeString(f, "二。");
    String h2 = new CorpusLoader(dir, TestSettings.CORPUS).load().documents().get(0).sha256();
    assertThat(h1).hasSize(64).isNotEqualTo(h2);
  }
}
