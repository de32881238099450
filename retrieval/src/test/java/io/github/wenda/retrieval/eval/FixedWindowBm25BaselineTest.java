package io.github.wenda.retrieval.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.corpus.TextCleaner;
import io.github.wenda.retrieval.text.TextNormalizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixedWindowBm25BaselineTest {
  @TempDir Path dir;

  /** Filler that shares no bigram with the questions below. */
  private static String filler(int chars) {
    String unit = "春夏秋冬东南西北";
    StringBuilder b = new StringBuilder();
    while (b.length() < chars) {
      b.append(unit);
    }
    return b.substring(0, chars);
  }

  private static Map<String, String> corpus() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("apt.txt", filler(300) + "软件包管理用 apt-get autoremove 移除不再需要的自动安装的软件包。" + filler(250));
    texts.put("boot.txt", "引导加载程序 GRUB2 读取配置文件。" + filler(400));
    texts.put("net.txt", filler(200) + "网络接口由 NetworkManager 管理。" + filler(200));
    return texts;
  }

  @Test
  void ranks_the_window_holding_the_answer_first() {
    try (var baseline = FixedWindowBm25Baseline.of(corpus(), 300, 300)) {
      List<Hit> hits = baseline.search(new Query("怎么移除不再需要的自动安装的软件包？", 5, SearchMode.BM25));
      assertThat(hits).isNotEmpty();
      Passage top = hits.get(0).passage();
      assertThat(top.docId()).isEqualTo("apt.txt");
      assertThat(top.text()).contains("apt-get autoremove");
      assertThat(new Relevance(new TextNormalizer(), List.of("apt-get autoremove")).test(top))
          .isTrue();
      assertThat(hits).extracting(Hit::rank).startsWith(1);
    }
  }

  @Test
  void cuts_every_text_into_fixed_windows_regardless_of_sentences() {
    Map<String, String> one = Map.of("a.txt", filler(650));
    try (var plain = FixedWindowBm25Baseline.of(one, 300, 300);
        var overlapping = FixedWindowBm25Baseline.of(one, 300, 150)) {
      assertThat(plain.passages()).extracting(p -> p.text().length()).containsExactly(300, 300, 50);
      assertThat(plain.passages()).extracting(Passage::start).containsExactly(0, 300, 600);
      assertThat(overlapping.passages())
          .extracting(Passage::start)
          .containsExactly(0, 150, 300, 450);
      assertThat(overlapping.passages())
          .extracting(Passage::end)
          .containsExactly(300, 450, 600, 650);
    }
  }

  @Test
  void collapses_whitespace_so_line_breaks_do_not_eat_the_window() {
    try (var baseline =
        FixedWindowBm25Baseline.of(Map.of("a.txt", "第一行\n\n\n   第二行\t第三行"), 300, 300)) {
      // Windows are measured on "第一行 第二行 第三行"; the passage text is then normalised for matching.
      Passage p = baseline.passages().get(0);
      assertThat(baseline.passages()).hasSize(1);
      assertThat(p.end()).isEqualTo(11);
      assertThat(p.text()).isEqualTo(new TextCleaner().normalize("第一行 第二行 第三行"));
    }
  }

  @Test
  void never_cuts_a_character_outside_the_basic_plane_in_two() {
    String text = "甲".repeat(9) + "\uD840\uDC00" + "乙".repeat(20);
    try (var baseline = FixedWindowBm25Baseline.of(Map.of("a.txt", text), 10, 10)) {
      for (Passage p : baseline.passages()) {
        assertThat(Character.isLowSurrogate(p.text().charAt(0))).as(p.text()).isFalse();
        assertThat(Character.isHighSurrogate(p.text().charAt(p.text().length() - 1)))
            .as(p.text())
            .isFalse();
      }
      assertThat(String.join("", baseline.passages().stream().map(Passage::text).toList()))
          .isEqualTo(text);
    }
  }

  @Test
  void odd_questions_return_nothing_or_hits_but_never_throw() {
    try (var baseline = FixedWindowBm25Baseline.of(corpus(), 300, 300)) {
      assertThat(baseline.search(new Query("", 5, SearchMode.BM25))).isEmpty();
      assertThat(baseline.search(new Query("？！。，", 5, SearchMode.BM25))).isEmpty();
      assertThat(baseline.search(new Query("title:(\"a\" OR *) AND 软件包~2", 5, SearchMode.BM25)))
          .isNotEmpty();
      String huge = "软件包管理网络接口引导程序".repeat(1000);
      assertThat(baseline.search(new Query(huge, 3, SearchMode.BM25))).hasSizeLessThanOrEqualTo(3);
    }
  }

  @Test
  void reads_html_with_jsoup_and_pdf_with_pdfbox_and_lists_what_it_skips() throws Exception {
    Files.writeString(
        dir.resolve("page.html"),
        """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>参考手册</title></head>
        <body><h1>软件包</h1><p>运行 <code>apt&nbsp;update</code> 更新软件包列表&amp;索引。</p></body></html>
        """,
        StandardCharsets.UTF_8);
    writePdf(dir.resolve("sub/guide.pdf"), "Run debuild to build the package.");
    Files.writeString(dir.resolve("questions.jsonl"), "{}");
    try (var baseline = FixedWindowBm25Baseline.build(dir, 300, 300)) {
      assertThat(baseline.filesPerFormat()).containsEntry("html", 1).containsEntry("pdf", 1);
      assertThat(baseline.skipped()).containsExactly(Path.of("questions.jsonl"));
      assertThat(baseline.passages())
          .extracting(Passage::docId)
          .containsExactly("page.html", "sub/guide.pdf");
      String html = baseline.passages().get(0).text();
      assertThat(html)
          .contains("参考手册")
          .contains("更新软件包列表&索引")
          .doesNotContain("<code>")
          .doesNotContain("&amp;");
      assertThat(baseline.passages().get(1).text()).contains("Run debuild to build the package.");
      assertThat(baseline.search(new Query("how to build with debuild", 1, SearchMode.BM25)))
          .singleElement()
          .extracting(h -> h.passage().docId())
          .isEqualTo("sub/guide.pdf");
    }
  }

  @Test
  void a_broken_pdf_is_named_in_the_error() throws Exception {
    Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7 this is not a PDF");
    assertThatThrownBy(() -> FixedWindowBm25Baseline.build(dir, 300, 300))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining("broken.pdf");
  }

  @Test
  void a_missing_folder_and_bad_sizes_are_named() {
    assertThatThrownBy(() -> FixedWindowBm25Baseline.build(dir.resolve("nope"), 300, 300))
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> FixedWindowBm25Baseline.of(Map.of(), 300, 400))
        .hasMessageContaining("400");
    assertThatThrownBy(() -> FixedWindowBm25Baseline.of(Map.of(), 5, 5)).hasMessageContaining("5");
  }

  @Test
  void scores_through_the_evaluator_under_its_own_label() {
    List<Question> qs =
        List.of(
            new Question("q1", "怎么移除不再需要的自动安装的软件包？", List.of("apt-get autoremove")),
            new Question("q2", "网络接口由谁管理？", List.of("NetworkManager")),
            new Question("q3", "巴黎天气怎么样？", List.of()));
    try (var baseline = FixedWindowBm25Baseline.of(corpus(), 300, 300)) {
      ModeResult r =
          new Evaluator(baseline, baseline.passages()).run("fixed-bm25", qs, 3, SearchMode.BM25);
      assertThat(r.label()).isEqualTo("fixed-bm25");
      assertThat(r.questions()).isEqualTo(2);
      assertThat(r.recallAt1()).isEqualTo(1.0);
      assertThat(r.misses()).isEmpty();
    }
  }

  private static void writePdf(Path file, String line) throws Exception {
    Files.createDirectories(file.getParent());
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText(line);
        cs.endText();
      }
      doc.save(file.toFile());
    }
  }
}
