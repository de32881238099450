package io.github.wenda.retrieval.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.corpus.CleanDocument;
import io.github.wenda.retrieval.corpus.Segment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  /** Builds a document from (kind, section, paragraph) triples joined by newlines. */
  private static CleanDocument doc(Object... triples) {
    StringBuilder text = new StringBuilder();
    List<Segment> segments = new ArrayList<>();
    for (int i = 0; i < triples.length; i += 3) {
      if (text.length() > 0) {
        text.append('\n');
      }
      int start = text.length();
      text.append((String) triples[i + 2]);
      segments.add(
          new Segment((SegmentKind) triples[i], (String) triples[i + 1], start, text.length()));
    }
    return new CleanDocument(text.toString(), segments);
  }

  @Test
  void packs_whole_sentences_up_to_the_maximum() {
    String s = "一二三四五六七八九。"; // 10 chars
    CleanDocument d = doc(SegmentKind.BODY, "一 引言", s.repeat(5));
    List<Passage> ps = new Chunker(new ChunkSettings(25, 0)).chunk("d", "T", d);
    assertThat(ps).extracting(Passage::text).containsExactly(s + s, s + s, s);
    assertThat(ps).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(25));
  }

  @Test
  void offsets_point_at_the_passage_text_in_the_clean_document() {
    CleanDocument d = doc(SegmentKind.BODY, "", "甲乙丙。丁戊己。", SegmentKind.BODY, "", "庚辛壬。");
    List<Passage> ps = new Chunker(new ChunkSettings(100, 0)).chunk("d", "T", d);
    assertThat(ps).hasSize(1);
    Passage p = ps.get(0);
    assertThat(d.text().substring(p.start(), p.end())).isEqualTo(p.text());
    assertThat(p.text()).isEqualTo("甲乙丙。丁戊己。\n庚辛壬。");
  }

  @Test
  void never_mixes_kinds_or_sections_in_one_passage() {
    CleanDocument d =
        doc(
            SegmentKind.BODY,
            "一 原则",
            "正文一。",
            SegmentKind.FOOTNOTE,
            "一 原则",
            "①注释一。",
            SegmentKind.BODY,
            "一 原则",
            "正文二。",
            SegmentKind.BODY,
            "二 进展",
            "正文三。");
    List<Passage> ps = new Chunker(new ChunkSettings(300, 0)).chunk("doc", "标题", d);
    assertThat(ps).extracting(Passage::text).containsExactly("正文一。", "①注释一。", "正文二。", "正文三。");
    assertThat(ps)
        .extracting(Passage::kind)
        .containsExactly(
            SegmentKind.BODY, SegmentKind.FOOTNOTE, SegmentKind.BODY, SegmentKind.BODY);
    assertThat(ps).extracting(Passage::section).containsExactly("一 原则", "一 原则", "一 原则", "二 进展");
    assertThat(ps).extracting(Passage::ordinal).containsExactly(0, 1, 2, 3);
    assertThat(ps)
        .allSatisfy(
            p -> {
              assertThat(p.docId()).isEqualTo("doc");
              assertThat(p.title()).isEqualTo("标题");
            });
  }

  @Test
  void splits_a_sentence_longer_than_the_maximum_preferably_after_a_comma() {
    String longSentence = "甲".repeat(30) + "，" + "乙".repeat(30) + "。";
    List<Passage> ps =
        new Chunker(new ChunkSettings(40, 0))
            .chunk("d", "T", doc(SegmentKind.BODY, "", longSentence));
    assertThat(ps)
        .extracting(Passage::text)
        .containsExactly("甲".repeat(30) + "，", "乙".repeat(30) + "。");
  }

  @Test
  void repeats_trailing_sentences_as_overlap() {
    String a = "甲甲甲甲。";
    String b = "乙乙乙乙。";
    String c = "丙丙丙丙。";
    String d = "丁丁丁丁。";
    List<Passage> ps =
        new Chunker(new ChunkSettings(15, 5))
            .chunk("x", "T", doc(SegmentKind.BODY, "", a + b + c + d));
    assertThat(ps).extracting(Passage::text).containsExactly(a + b + c, c + d);
  }

  @Test
  void overlap_always_moves_forward() {
    String s = "一二三四五六七八九十。";
    List<Passage> ps =
        new Chunker(new ChunkSettings(11, 10))
            .chunk("x", "T", doc(SegmentKind.BODY, "", s.repeat(3)));
    assertThat(ps).extracting(Passage::text).containsExactly(s, s, s);
  }

  @Test
  void rejects_overlap_not_below_the_maximum() {
    // An invariant (the schema reports a user's chunk.overlap-chars first, naming the key).
    assertThatThrownBy(() -> new ChunkSettings(100, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlapChars")
        .hasMessageContaining("100");
  }

  @Test
  void keeps_a_sentence_ending_in_a_colon_with_the_command_it_introduces() {
    CleanDocument d =
        doc(
            SegmentKind.BODY,
            "5.8 版本",
            "版本号写在一个文件里。要得到更详细的描述，请使用：",
            SegmentKind.CODE,
            "5.8 版本",
            "cat /etc/debian_version",
            SegmentKind.CODE,
            "5.8 版本",
            "lsb_release -a");
    List<Passage> ps = new Chunker(new ChunkSettings(300, 0)).chunk("d", "T", d);
    assertThat(ps)
        .extracting(Passage::text)
        .containsExactly("版本号写在一个文件里。要得到更详细的描述，请使用：\ncat /etc/debian_version", "lsb_release -a");
    assertThat(ps).extracting(Passage::kind).containsExactly(SegmentKind.BODY, SegmentKind.CODE);
  }

  @Test
  void a_passage_that_would_end_on_an_introducing_sentence_leaves_it_to_the_next() {
    String s = "一二三四五六七八九。"; // 10 chars
    CleanDocument d = doc(SegmentKind.BODY, "", s + s + "例如下面这样设置：" + s);
    List<Passage> ps = new Chunker(new ChunkSettings(30, 0)).chunk("d", "T", d);
    assertThat(ps).extracting(Passage::text).containsExactly(s + s, "例如下面这样设置：" + s);
  }

  @Test
  void a_colon_inside_code_or_mid_paragraph_joins_nothing() {
    CleanDocument d =
        doc(
            SegmentKind.BODY,
            "",
            "注意：这一句不以冒号结尾。",
            SegmentKind.CODE,
            "",
            "case x in\n  a):",
            SegmentKind.CODE,
            "",
            "echo a");
    List<Passage> ps = new Chunker(new ChunkSettings(300, 0)).chunk("d", "T", d);
    assertThat(ps).extracting(Passage::kind).containsExactly(SegmentKind.BODY, SegmentKind.CODE);
  }
}
