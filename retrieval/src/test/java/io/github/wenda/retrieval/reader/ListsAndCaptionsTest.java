package io.github.wenda.retrieval.reader;

import static io.github.wenda.retrieval.reader.Fixtures.file;
import static io.github.wenda.retrieval.reader.Fixtures.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

/**
 * Golden tests on lists.pdf and lists.html, which LibreOffice made from lists.fodt: numbered steps,
 * a bulleted item wrapped inside a monospaced literal, and a table over a page break with its
 * caption below.
 */
class ListsAndCaptionsTest {
  private final StructuredDocument pdf = new PdfReader().read(file("lists.pdf"));
  private final StructuredDocument html = new HtmlReader().read(file("lists.html"));

  @Test
  void numbered_steps_in_the_body_font_of_a_pdf_are_list_items_not_headings() {
    assertThat(of(pdf, BlockKind.HEADING))
        .extracting(b -> b.level() + " " + b.text())
        .containsExactly("1 1. 软件包管理", "2 1.1. 主机名解析", "2 1.2. 常用命令");
    assertThat(of(pdf, BlockKind.LIST_ITEM))
        .extracting(Block::text)
        .contains("1. 获取档案库元数据", "7. 运行 postinst 脚本");
  }

  @Test
  void numbered_step_paragraphs_of_a_web_page_are_list_items_not_headings() {
    assertThat(of(html, BlockKind.HEADING))
        .extracting(b -> b.level() + " " + b.text())
        .containsExactly("1 1. 软件包管理", "2 1.1. 主机名解析", "2 1.2. 常用命令");
    assertThat(of(html, BlockKind.LIST_ITEM))
        .extracting(Block::text)
        .contains("1. 获取档案库元数据", "7. 运行 postinst 脚本");
  }

  @Test
  void a_bulleted_item_wrapped_inside_a_monospaced_literal_stays_one_list_item_in_a_pdf() {
    assertThat(of(pdf, BlockKind.CODE)).isEmpty();
    assertThat(of(pdf, BlockKind.LIST_ITEM))
        .extracting(Block::text)
        .contains(
            "• “/etc/nsswitch.conf”文件应当有像“hosts: files mdns4_minimal [NOTFOUND=return] dns"
                + " mdns4”这样的一段。",
            "• “.local”结尾的主机名使用组播 DNS 解析。");
  }

  @Test
  void paragraphs_inside_list_items_of_a_web_page_are_list_items() {
    assertThat(of(html, BlockKind.LIST_ITEM))
        .extracting(Block::text)
        .anyMatch(t -> t.endsWith("Avahi 提供组播 DNS 发现框架。"))
        .anyMatch(t -> t.endsWith("“.local”结尾的主机名使用组播 DNS 解析。"));
  }

  @Test
  void a_caption_below_a_table_at_the_foot_of_a_page_is_a_paragraph_of_its_own() {
    assertThat(pdf.blocks().subList(pdf.blocks().size() - 3, pdf.blocks().size()))
        .extracting(Block::kind, Block::text, Block::page)
        .containsExactly(
            tuple(BlockKind.TABLE_ROW, "apt search regex | 搜索匹配 regex 的软件包", 2),
            tuple(BlockKind.PARAGRAPH, "表 1.1: 命令行软件包管理操作", 2),
            tuple(BlockKind.PARAGRAPH, "apt 和 apt-get 能够混用，没有大问题。", 3));
  }
}
