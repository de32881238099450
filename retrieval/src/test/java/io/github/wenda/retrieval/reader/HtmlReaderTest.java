package io.github.wenda.retrieval.reader;

import static io.github.wenda.retrieval.reader.Fixtures.file;
import static io.github.wenda.retrieval.reader.Fixtures.first;
import static io.github.wenda.retrieval.reader.Fixtures.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests on a Debian FAQ page as Debian ships it, and on LibreOffice's HTML export of
 * manual.fodt.
 */
class HtmlReaderTest {
  private final StructuredDocument faq =
      new HtmlReader().read(file("debian-faq-customizing.zh-cn.html"));
  private final StructuredDocument manual = new HtmlReader().read(file("manual.html"));

  @Test
  void takes_the_title_and_h1_to_h6_as_headings_at_their_level() {
    assertThat(faq.title()).contains("第 11 章 定制您的 Debian GNU/Linux 系统");
    assertThat(of(faq, BlockKind.HEADING))
        .first()
        .satisfies(
            h -> {
              assertThat(h.level()).isEqualTo(1);
              assertThat(h.text()).isEqualTo("第 11 章 定制您的 Debian GNU/Linux 系统");
            });
    assertThat(of(faq, BlockKind.HEADING))
        .filteredOn(h -> h.level() == 2)
        .hasSize(11)
        .first()
        .extracting(Block::text)
        .isEqualTo("11.1. 如何确保所有程序使用相同的纸张大小？");
  }

  @Test
  void drops_the_contents_list_and_the_navigation() {
    assertThat(faq.blocks())
        .extracting(Block::text)
        .noneMatch(
            t -> t.equals("目录") || t.contains("上一页") || t.contains("起始页") || t.contains("下一页"));
    // the contents list repeats each heading once; only the headings themselves remain
    assertThat(faq.blocks()).filteredOn(b -> b.text().contains("如何确保所有程序使用相同的纸张大小")).hasSize(1);
  }

  @Test
  void keeps_pre_blocks_verbatim_line_by_line() {
    assertThat(of(faq, BlockKind.CODE))
        .extracting(Block::text)
        .contains("dpkg-divert --divert /bin/login.debian /bin/login")
        .contains(
            "update-alternatives --install /usr/bin/x-window-manager \\\n  x-window-manager /usr/local/bin/wmaker-cvs 50");
  }

  @Test
  void decodes_entities_and_keeps_paths_and_the_punctuation() {
    assertThat(of(faq, BlockKind.CODE))
        .extracting(Block::text)
        .contains("dpkg-scanpackages 二进制目录 覆盖文件 [路径前缀] > my_Packages");
    assertThat(first(faq, b -> b.text().startsWith("许多在")).text())
        .isEqualTo("许多在 /dev 目录下的设备文件属于预定义的用户组。例如，/dev/sr0 属于 cdrom 组。");
  }

  @Test
  void keeps_footnotes_as_footnotes() {
    assertThat(of(faq, BlockKind.FOOTNOTE))
        .singleElement()
        .extracting(Block::text)
        .asString()
        .startsWith("[6] 2014 年，Debian 将默认的 init 系统从 System V init 改为了 systemd。");
  }

  @Test
  void reads_table_rows_and_contents_lines_and_libreoffice_code_paragraphs() {
    assertThat(of(manual, BlockKind.TABLE_ROW))
        .extracting(Block::text)
        .containsExactly(
            "格式 | 扩展名 | 读取方式",
            "PDF | .pdf | PDFBox，按页读取",
            "网页 | .html | jsoup",
            "Word | .docx | Apache POI");
    assertThat(of(manual, BlockKind.CONTENTS)).hasSize(8);
    assertThat(first(manual, b -> b.kind() == BlockKind.CODE).text())
        .isEqualTo("# 更新软件包列表\napt-get update\n# 安装 wenda 及其文档\napt-get install wenda wenda-doc");
  }

  @Test
  void drops_scripts_styles_and_nav(@TempDir Path dir) throws Exception {
    Path page =
        Files.writeString(
            dir.resolve("p.html"),
            "<html><head><title>T</title><style>p{}</style></head><body>"
                + "<nav><a href=x>首页</a></nav><script>alert(1)</script><h2>安装 &amp; 配置</h2><p>运行&nbsp;<code>apt-get&nbsp;update</code>。</p></body></html>");
    StructuredDocument d = new HtmlReader().read(page);
    assertThat(d.blocks())
        .extracting(b -> b.kind() + ":" + b.text())
        .containsExactly("HEADING:安装 & 配置", "PARAGRAPH:运行 apt-get update。");
  }

  @Test
  void reads_admonition_boxes_laid_out_as_tables_as_prose_not_table_rows(@TempDir Path dir)
      throws Exception {
    // DocBook's note: an icon cell beside the label, then the body in a cell of its own row.
    Path page =
        Files.writeString(
            dir.resolve("note.html"),
            "<html><body><h1>1. 启动</h1>"
                + "<div class=\"note\"><table border=\"0\" summary=\"Note\"><tr><td rowspan=\"2\"><img alt=\"[注意]\" src=\"note.png\"/></td>"
                + "<th>注意</th></tr><tr><td><p>这个系统通常被称为 initrd。</p><ul><li>一</li><li>二</li></ul></td></tr></table></div>"
                + "<table><tr><th>命令</th><th>说明</th></tr><tr><td>systemctl mask</td><td>遮掩服务</td></tr></table></body></html>");
    StructuredDocument doc = new HtmlReader().read(page);
    assertThat(of(doc, BlockKind.TABLE_ROW))
        .extracting(Block::text)
        .containsExactly("命令 | 说明", "systemctl mask | 遮掩服务");
    assertThat(of(doc, BlockKind.PARAGRAPH))
        .extracting(Block::text)
        .containsExactly("注意", "这个系统通常被称为 initrd。");
    assertThat(of(doc, BlockKind.LIST_ITEM)).extracting(Block::text).containsExactly("一", "二");
  }

  @Test
  void a_table_caption_goes_with_the_table_rows_not_the_paragraph_before(@TempDir Path dir)
      throws Exception {
    Path page =
        Files.writeString(
            dir.resolve("t.html"),
            "<html><body><p>特殊的 shell 参数经常被用到。</p>"
                + "<div class=\"table\"><p class=\"title\"><strong>表 12.2. shell 参数列表</strong></p>"
                + "<div class=\"table-contents\"><table><tr><th>参数</th><th>值</th></tr><tr><td>$0</td><td>shell 名</td></tr></table></div></div>"
                + "<table><caption>表 2. 其他</caption><tr><td>a</td><td>b</td></tr></table>"
                + "<div class=\"figure\"><p class=\"title\">图 1. 不是表格</p></div></body></html>");
    StructuredDocument doc = new HtmlReader().read(page);
    assertThat(of(doc, BlockKind.TABLE_ROW))
        .extracting(Block::text)
        .containsExactly("表 12.2. shell 参数列表", "参数 | 值", "$0 | shell 名", "表 2. 其他", "a | b");
    assertThat(of(doc, BlockKind.PARAGRAPH))
        .extracting(Block::text)
        .containsExactly("特殊的 shell 参数经常被用到。", "图 1. 不是表格");
  }
}
