package io.github.wenda.retrieval.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.text.InlineNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests on real excerpts of the bundled corpus; expectations were checked by eye against the
 * source.
 */
class TextCleanerTest {
  private final TextCleaner cleaner = new TextCleaner();

  // ---- normalize ----

  @Test
  void maps_yi_syllables_to_chinese_punctuation() {
    assertThat(cleaner.normalize("同时ꎬ上海合作组织ꎻ加强合作ꎮ")).isEqualTo("同时,上海合作组织;加强合作。");
  }

  @Test
  void folds_full_width_digits_and_drops_spaces_between_cjk_and_digits() {
    assertThat(cleaner.normalize("２００９ 年 １２ 月 １８ 日第 ６４ / １８３ 号决议"))
        .isEqualTo("2009年12月18日第64/183号决议");
    assertThat(cleaner.normalize("【内容提要】 　 ２０ 余年来")).isEqualTo("【内容提要】20余年来");
  }

  @Test
  void keeps_single_spaces_between_latin_words() {
    assertThat(cleaner.normalize("  Shanghai \t Cooperation\u3000\u3000Organisation "))
        .isEqualTo("Shanghai Cooperation Organisation");
    assertThat(cleaner.normalize("英文季刊 China Quarterly")).isEqualTo("英文季刊 China Quarterly");
  }

  @Test
  void keeps_circled_digits_instead_of_gluing_them_to_numbers() {
    assertThat(cleaner.normalize("重要性③ꎻ２０１０ 年")).isEqualTo("重要性③;2010年");
  }

  @Test
  void normalizes_hostile_queries_without_throwing() {
    assertThat(cleaner.normalize(null)).isEmpty();
    assertThat(cleaner.normalize("")).isEmpty();
    assertThat(cleaner.normalize("\uD800")).isEmpty();
    assertThat(cleaner.normalize("a\u0000b\u200Bc\uFEFF\u0007 \uDC00d")).isEqualTo("abc d");
    assertThat(cleaner.normalize("上海\n\r合作")).isEqualTo("上海合作");
    String huge = "上海合作组织 Shanghai ２０２２ ꎬ\uD800".repeat(5_000);
    long start = System.nanoTime();
    assertThatCode(() -> cleaner.normalize(huge)).doesNotThrowAnyException();
    assertThat(cleaner.normalize(huge)).doesNotContain("\uD800").doesNotContain("ꎬ");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
  }

  // ---- display form ----

  @Test
  void display_keeps_the_documents_full_width_punctuation_and_folds_wide_latin_and_digits() {
    assertThat(InlineNormalizer.display("主要有四方面原因：一是综合实力强，（二）是否？！２０１９ 年 ｈｔｔｐｓ…"))
        .isEqualTo("主要有四方面原因：一是综合实力强，（二）是否？！2019年 https…");
  }

  @Test
  void display_decodes_yi_artefacts_to_the_full_width_marks_they_stand_for() {
    assertThat(InlineNormalizer.display("同时ꎬ上海合作组织ꎻ加强合作ꎮ")).isEqualTo("同时，上海合作组织；加强合作。");
  }

  @Test
  void display_restores_half_width_marks_the_extractor_put_between_chinese_characters() {
    assertThat(InlineNormalizer.display("上海合作组织:共同应对挑战,加强合作;见 http://a.b/c, Shanghai, 2001"))
        .isEqualTo("上海合作组织：共同应对挑战，加强合作；见 http://a.b/c, Shanghai, 2001");
  }

  @Test
  void display_rebuilds_urls_printed_in_wide_characters() {
    assertThat(Footnotes.text("①", List.of("《联合国期待》ꎬｈｔｔｐｓ：／／ｎｅｗｓ ｕｎ ｏｒｇ／ｚｈ／ｓｔｏｒｙ")))
        .isEqualTo("①《联合国期待》，https://news.un.org/zh/story");
  }

  @Test
  void match_form_of_display_text_equals_match_form_of_the_raw_text() {
    String raw = "同时ꎬ上海合作组织ꎻ加强合作ꎮ２００９ 年 １２ 月（第 ６４ / １８３ 号）";
    assertThat(cleaner.normalize(InlineNormalizer.display(raw))).isEqualTo(cleaner.normalize(raw));
  }

  // ---- clean: excerpts of 000 ----

  @Test
  void joins_sentence_broken_across_page_with_footnote_block_in_between() throws IOException {
    // given a page that ends "…包括联合国", a folio, three footnotes, then " 秘书长与上海合作组织…"
    CleanDocument doc = cleaner.clean(resource("000_page_break_footnotes.txt"));

    // then the sentence is whole and no footnote text is inside it
    String body = bodyContaining(doc, "第64/183号决议");
    assertThat(body)
        .contains("2009年12月18日第64/183号决议强调了联合国与上海合作组织之间加强对话、合作与协调的重要性；")
        .contains("包括联合国秘书长与上海合作组织秘书长举行定期磋商，联合国系统各专门机构、组织、方案和基金与上海合作组织合作等来加强双方关系。")
        .doesNotContain("http")
        .doesNotContain("③")
        .doesNotContain("—65—")
        .doesNotContain("莫斯科宣言");
  }

  @Test
  void joins_lines_broken_mid_sentence_without_spaces() throws IOException {
    CleanDocument doc = cleaner.clean(resource("000_page_break_footnotes.txt"));

    assertThat(texts(doc, SegmentKind.BODY))
        .contains(
            "20余年来，上海合作组织在扩大国际合作方面取得长足进步。成员国之间在重大的地区和国际问题上相互支持，捍卫了自身的核心利益。"
                + "同时，上海合作组织还先后与认同组织宗旨和原则的国际组织，包括联合国及其专门机构、独联体、东南亚国家联盟、集体安全条约组织、"
                + "经济合作与发展组织等多个国际和地区组织建立了伙伴关系，加强了往来，极大增强了上海合作组织的影响力、生命力和吸引力。",
            "上海合作组织始终支持联合国在维护世界和平与安全、促进普遍发展、深化国际合作方面的核心地位。与联合国及其专门机构的合作一直是上海合作组织国际合作的优先方向。");
  }

  @Test
  void emits_footnotes_with_markers_and_rebuilt_urls() throws IOException {
    CleanDocument doc = cleaner.clean(resource("000_page_break_footnotes.txt"));

    assertThat(texts(doc, SegmentKind.FOOTNOTE))
        .contains(
            "①潘基文：《联合国期待与上海合作组织进一步加强合作》，https://news.un.org/zh/story/2016/11/266652",
            "②《联合国与上海合作组织高级别会议：联合国秘书长呼吁推动欧亚大陆的稳定与繁荣》，https://news.un.org/zh/story/2018/11/1023701",
            "③《联合国与上海合作组织签署打击贩毒和有组织犯罪合作备忘录》，http://news.un.org/zh/story/2011/06/153612",
            "《上海合作组织成员国外长关于“上合组织—阿富汗联络组”会议成果的联合声明》，"
                + "https://www.mfa.gov.cn/web/ziliao_674904/1179_674909/202107/t20210715_9180843.shtml",
            "上海合作组织秘书处网站，http://chn.sectsco.org/cooperation/#2");
  }

  @Test
  void records_heading_path_on_segments() throws IOException {
    CleanDocument doc = cleaner.clean(resource("000_page_break_footnotes.txt"));

    assertThat(sectionOf(doc, "上海合作组织始终支持联合国"))
        .isEqualTo("二 国际合作的进展 / (二)与其他国际组织的合作 / 1 联合国及其专门机构");
    assertThat(sectionOf(doc, "①潘基文")).isEqualTo("二 国际合作的进展 / (二)与其他国际组织的合作 / 1 联合国及其专门机构");
    assertThat(sectionOf(doc, "上海合作组织与欧亚多个地区性组织"))
        .isEqualTo("二 国际合作的进展 / (二)与其他国际组织的合作 / 2 欧亚地区性组织");
    assertThat(doc.text()).contains("\n二 国际合作的进展\n".substring(1)).contains("1 联合国及其专门机构");
  }

  @Test
  void emits_table_rows_as_table_segments() throws IOException {
    CleanDocument doc = cleaner.clean(resource("000_table.txt"));

    List<String> rows = texts(doc, SegmentKind.TABLE);
    assertThat(rows).startsWith("表1上海合作组织与国际组织合作情况一览表", "时间 | 国际组织 | 合作协议 | 合作领域");
    assertThat(rows)
        .contains(
            "2005 4 12 | 独联体 | 《上海合作组织秘书处与独联体执行委员会谅解备忘录》 | 反恐、经济贸易、人文交流",
            "2007 10 5，2018 5 | 集体安全条约组织 | 《上海合作组织秘书处与集体安全条约组织秘书处谅解备忘录》《反恐合作谅解备忘录》"
                + " | 打击恐怖主义、非法贩毒、非法贩运武器和跨国有组织犯罪，建立以上领域的信息交换机制",
            "2019 6 13 ~ 14 | 联合国世界旅游组织 | 《上海合作组织秘书处与联合国世界旅游组织秘书处谅解备忘录》"
                + " | 旅游创新信息的交流、可持续旅游业发展与合作、促进上海合作组织成员国旅游业招商引资、上海合作组织成员国旅游产品的营销、联合国世界旅游组织学院合作等",
            "资料来源：作者根据上海合作组织秘书处等网站内容整理。");
    assertThat(rows).hasSize(16).noneMatch(r -> r.contains("续表") || r.contains("—06—"));
    assertThat(sectionOf(doc, "上海合作组织国际合作不断拓展")).isEqualTo("三 国际合作的推动因素");
  }

  @Test
  void keeps_front_matter_labels_as_body() throws IOException {
    CleanDocument doc = cleaner.clean(resource("000_front_matter.txt"));

    assertThat(texts(doc, SegmentKind.BODY))
        .contains(
            "【关键词】上海合作组织；国际组织；国际合作；合作进展；推进因素",
            "【基金项目】国家社会科学基金重大项目“上海合作组织命运共同体构建研究”(项目编号:2019ZDA130)。",
            "【作者简介】韩璐，中国国际问题研究院欧亚研究所副所长、副研究员。");
  }

  // ---- clean: excerpts of 002 and 003 ----

  @Test
  void drops_running_header_beside_folio_and_resumes_body_after_marked_footnotes()
      throws IOException {
    // given 002: "·８·", the one-off header "上海合作组织与新时代中国多边外交", "① 章波…"
    CleanDocument doc = cleaner.clean(resource("002_footnotes_running_header.txt"));

    assertThat(doc.text()).doesNotContain("·8·").doesNotContain("上海合作组织与新时代中国多边外交");
    assertThat(texts(doc, SegmentKind.FOOTNOTE))
        .containsExactly(
            "①习近平：《弘扬“上海精神”构建命运共同体———在上海合作组织成员国元首理事会第十八次会议上的讲话》，载《人民日报》，2018年6月11日。",
            "②可概括为发展观、安全观、合作观、文明观、全球治理观这新“五观”。",
            "①章波：《土耳其和上海合作组织的关系研究》，载《阿拉伯世界研究》，2014年第6期，第71页。");
    // the footnote block sat between "安全上，上合组织" and "在帮助中亚国家…"
    assertThat(bodyContaining(doc, "安全上，上合组织")).contains("安全上，上合组织在帮助中亚国家打击恐怖主义");
    // and the page after the footnote continues the paragraph (the excerpt ends mid-sentence)
    assertThat(bodyContaining(doc, "第四，发挥理念引领")).isEqualTo("第四，发挥理念引领和规则约束的双重驱动力。随着上合组织首次扩员完成，印");
  }

  @Test
  void drops_repeated_running_headers_and_uses_first_as_section() throws IOException {
    // given 003: "新安全观与上合组织" printed on every page, footnotes numbered "1　…"
    CleanDocument doc = cleaner.clean(resource("003_running_headers_numbered_notes.txt"));

    assertThat(doc.segments())
        .allMatch(s -> s.section().equals("新安全观与上合组织") || s.section().startsWith("全球治理"));
    assertThat(texts(doc, SegmentKind.BODY))
        .noneMatch(t -> t.contains("新安全观与上合组织新") || t.endsWith("新安全观与上合组织"));
    assertThat(bodyContaining(doc, "防战争祸")).contains("防战争祸患于未然。”2017年1月，习近平主席在瑞士日内瓦");
    assertThat(bodyContaining(doc, "当年")).contains("相向而行。”当年5月");
    assertThat(texts(doc, SegmentKind.FOOTNOTE))
        .contains(
            "1“中央国家安全委员会第一次会议召开习近平发表重要讲话”，2014年4月15日，中央政府门户网站，"
                + "http://www.gov.cn/guowuyuan/2014-04/15/content_2659641.htm。",
            "4习近平：《共同构建人类命运共同体——在联合国日内瓦总部的演讲》，2017年1月18日，新华网，http://www.xinhuanet.com/2017-01/19/c_1120340081.htm。");
  }

  // ---- clean: ordinary files ----

  @Test
  void leaves_clean_markdown_essentially_unchanged() {
    String md =
        "# 概述\n\n上海合作组织成立于2001年。它是一个区域组织。\n\n## 成员\n\nThe Shanghai Cooperation Organisation has\nnine members.\n";
    CleanDocument doc = cleaner.clean(md);

    assertThat(doc.segments())
        .extracting(doc::textOf)
        .containsExactly(
            "上海合作组织成立于2001年。它是一个区域组织。", "The Shanghai Cooperation Organisation has nine members.");
    assertThat(doc.segments()).extracting(Segment::section).containsExactly("概述", "概述 / 成员");
    assertThat(doc.segments()).allMatch(s -> s.kind() == SegmentKind.BODY);
  }

  @Test
  void cleans_empty_and_blank_documents() {
    assertThat(cleaner.clean("").segments()).isEmpty();
    assertThat(cleaner.clean("\n\n \u3000\n").segments()).isEmpty();
  }

  // ---- whole corpus ----

  static Stream<Path> corpusFiles() throws IOException {
    Path dir = Path.of("..", "corpus");
    return Files.list(dir).filter(p -> p.toString().endsWith(".txt")).sorted();
  }

  @ParameterizedTest
  @MethodSource("corpusFiles")
  void whole_corpus_file_is_clean(Path file) throws IOException {
    CleanDocument doc = cleaner.clean(Files.readString(file));

    assertThat(doc.segments()).isNotEmpty();
    for (Segment s : doc.segments()) {
      String t = doc.textOf(s);
      assertThat(t)
          .as("segment %s", s)
          .isNotBlank()
          .doesNotContainPattern("[\\x{A000}-\\x{A48F}]")
          .doesNotContainPattern("[０-９]")
          .doesNotContainPattern("—\\s*\\d+\\s*—")
          .doesNotContainPattern("·\\s*\\d+\\s*·");
      assertThat(s.end()).isLessThanOrEqualTo(doc.text().length());
      if (s.kind() == SegmentKind.BODY) {
        assertThat(t)
            .as("footnote text glued into body %s", s)
            .doesNotContain("http")
            .doesNotContain("出版社")
            .doesNotContainPattern("[\\u2460-\\u2473]");
      }
    }
    if (file.getFileName().toString().startsWith("000")) {
      assertThat(texts(doc, SegmentKind.BODY)).anyMatch(t -> t.contains("2009年12月18日第64/183号决议"));
      assertThat(texts(doc, SegmentKind.TABLE)).hasSizeGreaterThan(10);
      assertThat(texts(doc, SegmentKind.FOOTNOTE))
          .contains(
              "①江时学：《金砖国家在全球治理中的地位和作用》，"
                  + "http://theory.people.com.cn/n1/2017/1012/c40531-29583869.html");
    }
    if (file.getFileName().toString().startsWith("003")) {
      assertThat(doc.text()).doesNotContain("执行摘要\n\n执行摘要");
      assertThat(texts(doc, SegmentKind.FOOTNOTE)).hasSize(13);
    }
  }

  // ---- helpers ----

  private static String resource(String name) throws IOException {
    try (InputStream in = TextCleanerTest.class.getResourceAsStream("/cleaner/" + name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> texts(CleanDocument doc, SegmentKind kind) {
    return doc.segments().stream().filter(s -> s.kind() == kind).map(doc::textOf).toList();
  }

  private static String bodyContaining(CleanDocument doc, String needle) {
    return texts(doc, SegmentKind.BODY).stream()
        .filter(t -> t.contains(needle))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no body segment contains " + needle));
  }

  private static String sectionOf(CleanDocument doc, String textStart) {
    return doc.segments().stream()
        .filter(s -> doc.textOf(s).startsWith(textStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no segment starts with " + textStart))
        .section();
  }
}
