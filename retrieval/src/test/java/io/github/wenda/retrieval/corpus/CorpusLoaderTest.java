package io.github.wenda.retrieval.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusLoaderTest {
  @TempDir Path dir;

  @Test
  void loads_txt_and_md_recursively_in_path_order_with_ids_from_paths() throws Exception {
    Files.writeString(dir.resolve("b.md"), "# 标题B\n正文。");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/a.txt"), "正文A。");
    Files.writeString(dir.resolve("notes.pdf"), "not text");
    Corpus c = new CorpusLoader(dir).load();
    assertThat(c.documents()).extracting(Document::id).containsExactly("b", "sub/a");
    assertThat(c.documents().get(0).title()).isEqualTo("标题B");
  }

  @Test
  void takes_titles_and_authors_from_the_catalog() throws Exception {
    Files.writeString(dir.resolve("000.txt"), "正文。");
    Files.writeString(dir.resolve("catalog.yaml"), "documents:\n  000.txt:\n    title: 上合组织\n    author: 韩璐\n");
    Document d = new CorpusLoader(dir).load().documents().get(0);
    assertThat(d.info()).isEqualTo(new DocumentInfo("上合组织", "韩璐", ""));
  }

  @Test
  void a_broken_catalog_names_the_file() throws Exception {
    Files.writeString(dir.resolve("catalog.yaml"), "documents: [\n  : :");
    assertThatThrownBy(() -> new CorpusLoader(dir).load()).isInstanceOf(CorpusException.class)
        .hasMessageContaining("catalog.yaml");
  }

  @Test
  void skips_empty_and_binary_files_with_a_warning_naming_them() throws Exception {
    Files.writeString(dir.resolve("empty.txt"), "  \n");
    Files.write(dir.resolve("image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
    Files.writeString(dir.resolve("ok.txt"), "正文。");
    Corpus c = new CorpusLoader(dir).load();
    assertThat(c.documents()).extracting(Document::id).containsExactly("ok");
    assertThat(c.warnings()).anyMatch(w -> w.contains("empty.txt")).anyMatch(w -> w.contains("image.txt"));
  }

  @Test
  void reads_gbk_text_as_gb18030_and_warns() throws Exception {
    Files.write(dir.resolve("gbk.txt"), "上海合作组织成立于2001年。".getBytes(Charset.forName("GBK")));
    Corpus c = new CorpusLoader(dir).load();
    assertThat(c.documents().get(0).rawText()).isEqualTo("上海合作组织成立于2001年。");
    assertThat(c.warnings()).singleElement().asString().contains("gbk.txt").contains("GB18030");
  }

  @Test
  void undecodable_text_fails_naming_the_file_and_byte_offset() throws Exception {
    byte[] good = "正文".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 2];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0x81; // a GB18030 lead byte followed by an impossible trail byte
    bytes[good.length + 1] = (byte) 0x7F;
    Files.write(dir.resolve("bad.txt"), bytes);
    assertThatThrownBy(() -> new CorpusLoader(dir).load())
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("bad.txt")
        .hasMessageContaining("byte " + good.length);
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
    assertThat(new CorpusLoader(dir).load().documents().get(0).rawText()).isEqualTo("正文。");
  }

  @Test
  void a_missing_folder_is_named() {
    assertThatThrownBy(() -> new CorpusLoader(dir.resolve("nope")).load()).hasMessageContaining("nope");
  }

  @Test
  void the_hash_changes_with_the_bytes() throws Exception {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "一。");
    String h1 = new CorpusLoader(dir).load().documents().get(0).sha256();
    Files.writeString(f, "二。");
    String h2 = new CorpusLoader(dir).load().documents().get(0).sha256();
    assertThat(h1).hasSize(64).isNotEqualTo(h2);
  }
}
