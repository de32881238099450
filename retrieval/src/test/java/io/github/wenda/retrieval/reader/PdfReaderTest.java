package io.github.wenda.retrieval.reader;

import static io.github.wenda.retrieval.reader.Fixtures.file;
import static io.github.wenda.retrieval.reader.Fixtures.first;
import static io.github.wenda.retrieval.reader.Fixtures.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests on manual.pdf, a 5-page Chinese manual LibreOffice made from manual.fodt. */
class PdfReaderTest {
  private final StructuredDocument doc = new PdfReader().read(file("manual.pdf"));

  @Test
  void reads_the_title_from_the_pdf_metadata() {
    assertThat(doc.title()).contains("Wenda 测试手册");
  }

  @Test
  void removes_the_running_header_and_the_page_numbers_found_by_repetition() {
    assertThat(doc.blocks())
        .extracting(Block::text)
        .noneMatch(t -> t.contains("测试手册（第一版）"))
        .noneMatch(t -> t.matches(".*\\d/5.*"));
  }

  @Test
  void keeps_a_paragraph_end_that_happens_to_repeat_at_the_foot_of_pages() {
    assertThat(of(doc, BlockKind.PARAGRAPH))
        .filteredOn(b -> b.text().startsWith("索引时"))
        .hasSize(3)
        .allSatisfy(b -> assertThat(b.text()).endsWith("读者能够直接翻到原文核对。"));
  }

  @Test
  void turns_the_contents_page_into_contents_blocks_on_page_one() {
    assertThat(of(doc, BlockKind.CONTENTS))
        .hasSize(7)
        .allSatisfy(b -> assertThat(b.page()).isEqualTo(1));
    assertThat(of(doc, BlockKind.HEADING)).allSatisfy(b -> assertThat(b.page()).isGreaterThan(1));
  }

  @Test
  void recognises_numbered_headings_with_their_level_and_page() {
    assertThat(of(doc, BlockKind.HEADING))
        .extracting(b -> b.level() + " " + b.text() + " p" + b.page())
        .containsExactly(
            "1 1. 简介 p2",
            "1 2. 安装 p3",
            "2 2.1. 下载软件包 p3",
            "2 2.2. 配置 APT 源 p3",
            "1 3. 索引文档 p4",
            "2 3.1. 限制下载带宽 p4",
            "1 第 4 章常见问题 p5");
  }

  @Test
  void keeps_code_line_by_line_with_its_hash_comments_as_code() {
    Block code = first(doc, b -> b.kind() == BlockKind.CODE);
    assertThat(code.text())
        .isEqualTo("# 更新软件包列表\napt-get update\n# 安装 wenda 及其文档\napt-get install wenda wenda-doc");
    assertThat(code.page()).isEqualTo(3);
  }

  @Test
  void joins_wrapped_lines_without_spaces_inside_paths_urls_or_words_and_keeps_the_punctuation() {
    String intro = first(doc, b -> b.text().startsWith("Wenda 是")).text();
    assertThat(intro)
        .contains("/usr/share/doc/wenda-reference/index.html")
        .contains("（包括索引、检索与回答）")
        .contains("文档：PDF、网页和 Word 文件");
    assertThat(first(doc, b -> b.text().startsWith("软件包也可以")).text())
        .contains("http://deb.debian.org/debian/pool/main/w/wenda/wenda_1.0-1_all.deb，")
        .contains("dpkg -i 安装");
    assertThat(first(doc, b -> b.text().startsWith("如果网络较慢")).text())
        .contains("设置 Acquire::http::Dl-Limit，");
    assertThat(doc.blocks())
        .extracting(Block::text)
        .noneMatch(t -> t.contains("W enda") || t.contains("/ "));
  }

  @Test
  void reads_a_table_as_rows_of_cells() {
    assertThat(of(doc, BlockKind.TABLE_ROW))
        .extracting(Block::text)
        .containsExactly(
            "格式 | 扩展名 | 读取方式",
            "PDF | .pdf | PDFBox，按页读取",
            "网页 | .html | jsoup",
            "Word | .docx | Apache POI");
  }

  @Test
  void an_encrypted_pdf_is_reported_as_encrypted(@TempDir Path dir) throws Exception {
    Path locked = dir.resolve("locked.pdf");
    try (PDDocument pdf = Loader.loadPDF(file("manual.pdf").toFile())) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("owner", "secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      pdf.protect(policy);
      pdf.save(locked.toFile());
    }
    assertThatThrownBy(() -> new PdfReader().read(locked))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("locked.pdf")
        .hasMessageContaining("encrypted");
  }

  @Test
  void a_pdf_without_a_text_layer_needs_ocr(@TempDir Path dir) throws Exception {
    Path scan = dir.resolve("scan.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
        s.addRect(50, 50, 200, 300); // a drawing, as a scanner's image would be: no text
        s.fill();
      }
      pdf.save(scan.toFile());
    }
    assertThatThrownBy(() -> new PdfReader().read(scan))
        .isInstanceOf(UnreadableDocumentException.class)
        .satisfies(
            e ->
                assertThat(((UnreadableDocumentException) e).reason())
                    .isEqualTo("no text layer, needs OCR"));
  }

  @Test
  void a_broken_pdf_is_reported_as_not_readable(@TempDir Path dir) throws Exception {
    Path broken =
        Files.write(
            dir.resolve("broken.pdf"),
            java.util.Arrays.copyOf(Files.readAllBytes(file("manual.pdf")), 2000));
    assertThatThrownBy(() -> new PdfReader().read(broken))
        .isInstanceOf(UnreadableDocumentException.class)
        .hasMessageContaining("broken.pdf");
  }

  @Test
  void reads_a_200_page_pdf_in_page_ranges_reporting_progress(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 1; i <= 200; i++) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
          s.beginText();
          s.setFont(font, 11);
          s.newLineAtOffset(60, 740);
          s.showText("Operations Manual");
          s.newLineAtOffset(0, -40);
          s.showText("Page " + i + " explains step " + i + " of the procedure in one sentence.");
          s.newLineAtOffset(0, -660);
          s.showText(Integer.toString(i));
          s.endText();
        }
      }
      pdf.save(big.toFile());
    }
    List<int[]> progress = new ArrayList<>();
    StructuredDocument d =
        new PdfReader((f, done, total) -> progress.add(new int[] {done, total})).read(big);
    assertThat(progress).hasSize(20);
    assertThat(progress.get(progress.size() - 1)).containsExactly(200, 200);
    assertThat(d.blocks())
        .hasSize(200)
        .extracting(Block::page)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 200).boxed().toList());
    assertThat(d.blocks().get(49).text())
        .isEqualTo("Page 50 explains step 50 of the procedure in one sentence.");
  }

  @Test
  void a_table_row_whose_first_cell_wraps_above_its_command_stays_one_row(@TempDir Path dir)
      throws Exception {
    Path table = dir.resolve("table.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font sans = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
        text(s, sans, 60, 740, "Action");
        text(s, sans, 300, 740, "Command");
        // Each description wraps onto two lines; the command cell sits on the row's last line.
        text(s, sans, 60, 720, "Show the user services' journal since the last");
        text(s, sans, 60, 707, "boot");
        text(s, mono, 300, 707, "journalctl -b --user");
        text(s, sans, 60, 687, "Follow the journal of one unit since the last");
        text(s, sans, 60, 674, "boot");
        text(s, mono, 300, 674, "journalctl -b -u unit -f");
        text(s, sans, 60, 650, "Table 1: Journal commands");
      }
      pdf.save(table.toFile());
    }
    List<Block> blocks = new PdfReader().read(table).blocks();
    assertThat(blocks)
        .extracting(Block::kind, Block::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BlockKind.TABLE_ROW, "Action | Command"),
            org.assertj.core.groups.Tuple.tuple(
                BlockKind.TABLE_ROW,
                "Show the user services' journal since the last boot | journalctl -b --user"),
            org.assertj.core.groups.Tuple.tuple(
                BlockKind.TABLE_ROW,
                "Follow the journal of one unit since the last boot | journalctl -b -u unit -f"),
            org.assertj.core.groups.Tuple.tuple(BlockKind.PARAGRAPH, "Table 1: Journal commands"));
  }

  @Test
  void separate_lines_after_a_table_that_no_row_follows_stay_separate_paragraphs(@TempDir Path dir)
      throws Exception {
    Path table = dir.resolve("after-table.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font sans = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
        text(s, sans, 60, 740, "Year");
        text(s, sans, 300, 740, "Author");
        text(s, sans, 60, 680, "Copyright 1998 Josip Rodin");
        text(s, sans, 60, 620, "Copyright 2005 Osamu Aoki");
      }
      pdf.save(table.toFile());
    }
    assertThat(new PdfReader().read(table).blocks())
        .extracting(Block::kind, Block::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BlockKind.TABLE_ROW, "Year | Author"),
            org.assertj.core.groups.Tuple.tuple(BlockKind.PARAGRAPH, "Copyright 1998 Josip Rodin"),
            org.assertj.core.groups.Tuple.tuple(BlockKind.PARAGRAPH, "Copyright 2005 Osamu Aoki"));
  }

  @Test
  void a_table_whose_narrow_columns_wrap_reads_one_row_per_table_row_with_each_cell_joined(
      @TempDir Path dir) throws Exception {
    Path table = dir.resolve("wrapped-table.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font sans = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
        // Written cell by cell, row by row, as LaTeX and LibreOffice do; the middle cells wrap.
        text(s, sans, 60, 740, "Command");
        text(s, sans, 160, 740, "Other");
        text(s, sans, 260, 740, "Meaning");
        text(s, mono, 60, 714, "apt");
        text(s, mono, 60, 701, "autoremove");
        text(s, mono, 160, 720, "apt-get");
        text(s, mono, 160, 707, "autoremove");
        text(s, sans, 260, 714, "Remove automatically installed packages");
        text(s, mono, 60, 681, "apt clean");
        text(s, mono, 160, 681, "apt-get");
        text(s, mono, 160, 668, "clean");
        text(s, sans, 260, 681, "Clear the local repository of");
        text(s, sans, 260, 668, "retrieved package files");
        // A long file name overflows the narrow first cell, across the second column's edge.
        text(s, mono, 60, 648, "dpkg -i");
        text(s, mono, 60, 635, "package_name_version_arch.deb");
        text(s, sans, 260, 648, "Install a local package");
        text(s, sans, 60, 610, "Table 2: APT commands, each with the other tool's spelling");
      }
      pdf.save(table.toFile());
    }
    assertThat(new PdfReader().read(table).blocks())
        .extracting(Block::kind, Block::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BlockKind.TABLE_ROW, "Command | Other | Meaning"),
            org.assertj.core.groups.Tuple.tuple(
                BlockKind.TABLE_ROW,
                "apt autoremove | apt-get autoremove | Remove automatically installed packages"),
            org.assertj.core.groups.Tuple.tuple(
                BlockKind.TABLE_ROW,
                "apt clean | apt-get clean | Clear the local repository of retrieved package files"),
            org.assertj.core.groups.Tuple.tuple(
                BlockKind.TABLE_ROW,
                "dpkg -i package_name_version_arch.deb | Install a local package"),
            org.assertj.core.groups.Tuple.tuple(
                BlockKind.PARAGRAPH, "Table 2: APT commands, each with the other tool's spelling"));
  }

  @Test
  void small_numbered_notes_at_the_foot_of_a_page_are_footnotes_and_the_paragraph_runs_on(
      @TempDir Path dir) throws Exception {
    Path notes = dir.resolve("notes.pdf");
    try (PDDocument pdf = new PDDocument()) {
      PDType1Font sans = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      PDPage one = new PDPage();
      PDPage two = new PDPage();
      pdf.addPage(one);
      pdf.addPage(two);
      try (PDPageContentStream s = new PDPageContentStream(pdf, one)) {
        text(s, sans, 60, 740, "Packages in contrib are free themselves but depend on");
        text(s, sans, 60, 726, "software outside main, which is why they are");
        s.beginText();
        s.setFont(sans, 8);
        s.newLineAtOffset(60, 80);
        s.showText("1 See the Debian Policy Manual, chapter 2.");
        s.newLineAtOffset(0, -10);
        s.showText("2 The archive areas are main, contrib and non-free.");
        s.endText();
      }
      try (PDPageContentStream s = new PDPageContentStream(pdf, two)) {
        text(s, sans, 60, 740, "kept apart from the main area.");
      }
      pdf.save(notes.toFile());
    }
    List<Block> blocks = new PdfReader().read(notes).blocks();
    assertThat(of(new StructuredDocument(java.util.Optional.empty(), blocks), BlockKind.FOOTNOTE))
        .extracting(Block::text, Block::page)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1 See the Debian Policy Manual, chapter 2.", 1),
            org.assertj.core.groups.Tuple.tuple(
                "2 The archive areas are main, contrib and non-free.", 1));
    assertThat(of(new StructuredDocument(java.util.Optional.empty(), blocks), BlockKind.PARAGRAPH))
        .extracting(Block::text)
        .containsExactly(
            "Packages in contrib are free themselves but depend on software "
                + "outside main, which is why they are kept apart from the main area.");
  }

  private static void text(PDPageContentStream s, PDType1Font font, float x, float y, String text)
      throws Exception {
    s.beginText();
    s.setFont(font, 11);
    s.newLineAtOffset(x, y);
    s.showText(text);
    s.endText();
  }
}
