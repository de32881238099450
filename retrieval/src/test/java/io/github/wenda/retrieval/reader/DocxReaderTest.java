package io.github.wenda.retrieval.reader;

import static io.github.wenda.retrieval.reader.Fixtures.file;
import static io.github.wenda.retrieval.reader.Fixtures.first;
import static io.github.wenda.retrieval.reader.Fixtures.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests on manual.docx, which LibreOffice made from manual.fodt. */
class DocxReaderTest {
  private final StructuredDocument doc = new DocxReader().read(file("manual.docx"));

  @Test
  void takes_heading_styles_as_headings_at_their_level() {
    assertThat(doc.title()).contains("Wenda 测试手册");
    assertThat(of(doc, BlockKind.HEADING))
        .extracting(b -> b.level() + " " + b.text())
        .containsExactly(
            "1 1. 简介",
            "1 2. 安装",
            "2 2.1. 下载软件包",
            "2 2.2. 配置 APT 源",
            "1 3. 索引文档",
            "2 3.1. 限制下载带宽",
            "1 第4章 常见问题");
  }

  @Test
  void reads_each_table_row_as_one_block() {
    assertThat(of(doc, BlockKind.TABLE_ROW))
        .extracting(Block::text)
        .containsExactly(
            "格式 | 扩展名 | 读取方式",
            "PDF | .pdf | PDFBox，按页读取",
            "网页 | .html | jsoup",
            "Word | .docx | Apache POI");
  }

  @Test
  void keeps_preformatted_paragraphs_as_one_code_block_line_by_line() {
    assertThat(first(doc, b -> b.kind() == BlockKind.CODE).text())
        .isEqualTo("# 更新软件包列表\napt-get update\n# 安装 wenda 及其文档\napt-get install wenda wenda-doc");
  }

  @Test
  void marks_the_contents_entries_and_keeps_paths_and_punctuation() {
    assertThat(of(doc, BlockKind.CONTENTS)).hasSize(7);
    assertThat(first(doc, b -> b.text().startsWith("编辑")).text())
        .isEqualTo("编辑 /etc/apt/sources.list.d/wenda.list 文件，加入下面一行（注意：不要删除已有的源）：");
  }

  @Test
  void a_file_that_is_not_a_docx_is_reported(@TempDir Path dir) throws Exception {
    Path fake = Files.writeString(dir.resolve("fake.docx"), "plain text");
    assertThatThrownBy(() -> new DocxReader().read(fake))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("fake.docx")
        .hasMessageContaining("not a readable .docx");
  }
}
