package io.github.wenda.retrieval.reader;

import static io.github.wenda.retrieval.reader.Fixtures.file;
import static io.github.wenda.retrieval.reader.Fixtures.first;
import static io.github.wenda.retrieval.reader.Fixtures.of;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReaderTest {
  private final StructuredDocument doc = new MarkdownReader().read(file("guide.md"));

  @Test
  void a_hash_inside_a_fenced_block_is_code_not_a_heading() {
    assertThat(of(doc, BlockKind.HEADING))
        .extracting(b -> b.level() + " " + b.text())
        .containsExactly("1 Wenda 使用指南", "2 安装", "2 格式", "3 2.7.9. 限制 APT 的下载带宽");
    assertThat(first(doc, b -> b.kind() == BlockKind.CODE).text())
        .isEqualTo("# 更新软件包列表\napt-get update\n# 安装 wenda\napt-get install wenda");
  }

  @Test
  void joins_soft_line_breaks_without_spaces_in_chinese_and_paths() {
    assertThat(first(doc, b -> b.text().startsWith("配置文件")).text())
        .isEqualTo("配置文件位于 /etc/wenda/wenda.yaml，文档位于 /usr/share/doc/wenda/。");
  }

  @Test
  void reads_pipe_tables_as_rows_and_list_items_as_items() {
    assertThat(of(doc, BlockKind.TABLE_ROW))
        .extracting(Block::text)
        .containsExactly("格式 | 扩展名", "PDF | .pdf", "网页 | .html");
    assertThat(of(doc, BlockKind.LIST_ITEM))
        .extracting(Block::text)
        .containsExactly("编辑 /etc/apt/apt.conf.d/75wenda，设置 Acquire::http::Dl-Limit。", "单位是 KB/s。");
  }
}
