package io.github.wenda.retrieval.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.corpus.CleanDocument;
import io.github.wenda.retrieval.corpus.DocumentParser;
import io.github.wenda.retrieval.reader.Block;
import io.github.wenda.retrieval.reader.BlockKind;
import io.github.wenda.retrieval.reader.PdfReader;
import io.github.wenda.retrieval.reader.StructuredDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Chunking of read documents: whole code blocks and rows, headings in the section path, pages kept.
 */
class BlockChunkingTest {
  private static Path fixture(String name) throws Exception {
    return Path.of(BlockChunkingTest.class.getResource("/formats/" + name).toURI());
  }

  @Test
  void passages_of_a_pdf_carry_section_path_kind_and_page_and_never_quote_the_contents()
      throws Exception {
    CleanDocument doc = DocumentParser.layOut(new PdfReader().read(fixture("manual.pdf")));
    List<Passage> ps = new Chunker(new ChunkSettings(300, 0)).chunk("manual", "Wenda 测试手册", doc);
    assertThat(ps)
        .noneMatch(p -> p.kind() == SegmentKind.CONTENTS)
        .noneMatch(p -> p.text().contains("......"));
    // The code block is introduced by a sentence ending in a colon, so it shares that sentence's
    // passage.
    Passage code =
        ps.stream().filter(p -> p.text().contains("apt-get update")).findFirst().orElseThrow();
    assertThat(code.text())
        .contains("root 权限：")
        .endsWith("\n# 更新软件包列表\napt-get update\n# 安装 wenda 及其文档\napt-get install wenda wenda-doc");
    assertThat(code.section()).isEqualTo("2. 安装");
    assertThat(code.page()).isEqualTo(3);
    Passage row = ps.stream().filter(p -> p.kind() == SegmentKind.TABLE).findFirst().orElseThrow();
    assertThat(row.section()).isEqualTo("3. 索引文档");
    assertThat(row.text()).startsWith("格式 | 扩展名 | 读取方式\n\nPDF | .pdf | PDFBox，按页读取");
    assertThat(ps.stream().filter(p -> p.text().contains("Dl-Limit")).findFirst().orElseThrow())
        .satisfies(
            p -> {
              assertThat(p.section()).isEqualTo("3. 索引文档 / 3.1. 限制下载带宽");
              assertThat(p.page()).isEqualTo(4);
            });
    assertThat(ps).noneMatch(p -> p.text().contains("2.1. 下载软件包")); // headings are paths, not body
  }

  @Test
  void a_code_block_that_fits_is_never_split_and_a_longer_one_is_cut_between_lines() {
    String shortCode = "# 注释\napt-get update\napt-get install wenda";
    String longCode = ("apt-get install package-number-one\n").repeat(6).strip();
    StructuredDocument d =
        new StructuredDocument(
            Optional.empty(),
            List.of(
                Block.heading(1, "安装", 0),
                Block.of(BlockKind.PARAGRAPH, "先运行下面的命令。".repeat(4), 0),
                Block.of(BlockKind.CODE, shortCode, 0),
                Block.of(BlockKind.CODE, longCode, 0)));
    List<Passage> ps =
        new Chunker(new ChunkSettings(80, 0)).chunk("d", "T", DocumentParser.layOut(d));
    List<Passage> code = ps.stream().filter(p -> p.kind() == SegmentKind.CODE).toList();
    assertThat(code.get(0).text()).startsWith(shortCode);
    assertThat(code)
        .allSatisfy(
            p ->
                assertThat(p.text().split("\n", -1))
                    .allMatch(
                        line ->
                            line.isEmpty() || line.equals("# 注释") || line.startsWith("apt-get ")));
    assertThat(code).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(80));
  }

  @Test
  void a_long_sentence_is_never_cut_inside_a_path_url_or_word() {
    String sentence =
        "Download the package from http://deb.debian.org/debian/pool/main/w/wenda/wenda_1.0-1_all.deb "
            + "and then verify it with gpg --verify /var/cache/apt/archives/encrypt_file.gpg before installing anything at all";
    StructuredDocument d =
        new StructuredDocument(
            Optional.empty(), List.of(Block.of(BlockKind.PARAGRAPH, sentence, 0)));
    List<Passage> ps =
        new Chunker(new ChunkSettings(90, 0)).chunk("d", "T", DocumentParser.layOut(d));
    assertThat(ps).hasSizeGreaterThan(1);
    assertThat(String.join(" ", ps.stream().map(Passage::text).toList())).isEqualTo(sentence);
    assertThat(ps)
        .extracting(Passage::text)
        .anyMatch(
            t -> t.contains("http://deb.debian.org/debian/pool/main/w/wenda/wenda_1.0-1_all.deb"))
        .anyMatch(t -> t.contains("/var/cache/apt/archives/encrypt_file.gpg"));
  }
}
