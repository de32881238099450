package io.github.wenda.retrieval.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.corpus.DocumentParser;
import io.github.wenda.retrieval.reader.Block;
import io.github.wenda.retrieval.reader.BlockKind;
import io.github.wenda.retrieval.reader.DocumentReader;
import io.github.wenda.retrieval.reader.HtmlReader;
import io.github.wenda.retrieval.reader.PdfReader;
import io.github.wenda.retrieval.reader.StructuredDocument;
import io.github.wenda.retrieval.text.MatchText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A passage is matched by the caption and header row of the table it continues and by the
 * introduction of the list it continues, and shows neither.
 */
class MatchContextTest {
  private static final String CAPTION = "表 1.1: 命令行软件包管理操作";
  private static final String HEADER = "命令 | 说明";

  private static List<Passage> passages(String fixture, int maxChars) throws Exception {
    Path file = Path.of(MatchContextTest.class.getResource("/formats/" + fixture).toURI());
    DocumentReader reader = fixture.endsWith(".pdf") ? new PdfReader() : new HtmlReader();
    return new Chunker(new ChunkSettings(maxChars, 0))
        .chunk("lists", "lists", DocumentParser.layOut(reader.read(file)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"lists.pdf", "lists.html"})
  void later_table_passages_are_matched_by_the_caption_below_and_the_header_row(String fixture)
      throws Exception {
    List<Passage> tables =
        passages(fixture, 120).stream().filter(p -> p.kind() == SegmentKind.TABLE).toList();
    assertThat(tables).hasSizeGreaterThan(2);
    assertThat(tables.get(0).text()).startsWith(HEADER);
    assertThat(tables.get(0).context()).isEqualTo(CAPTION);
    Passage autoremove =
        tables.stream().filter(p -> p.text().contains("apt autoremove")).findFirst().orElseThrow();
    assertThat(autoremove.context()).isEqualTo(CAPTION + "\n" + HEADER);
    assertThat(autoremove.text()).doesNotContain("命令行").doesNotContain(HEADER);
    assertThat(MatchText.indexed(autoremove))
        .contains(MatchText.of(CAPTION))
        .contains(MatchText.of(HEADER))
        .contains("apt autoremove");
  }

  @ParameterizedTest
  @ValueSource(strings = {"lists.pdf", "lists.html"})
  void list_items_in_a_later_passage_are_matched_by_the_sentence_that_introduces_the_list(
      String fixture) throws Exception {
    List<Passage> ps = passages(fixture, 60);
    Passage local =
        ps.stream().filter(p -> p.text().contains("“.local”结尾")).findFirst().orElseThrow();
    assertThat(local.text()).doesNotContain("在局域网内");
    assertThat(local.context()).isEqualTo("在局域网内，主机名还能够通过组播 DNS 进行解析。");
    Passage intro = ps.stream().filter(p -> p.text().startsWith("在局域网内")).findFirst().orElseThrow();
    assertThat(intro.context()).isEmpty();
  }

  @Test
  void captions_above_their_tables_name_their_own_table_not_the_one_before() {
    StructuredDocument doc =
        new StructuredDocument(
            Optional.empty(),
            List.of(
                Block.heading(1, "命令", 0),
                Block.of(BlockKind.PARAGRAPH, "表 1. 软件包命令", 0),
                Block.of(BlockKind.TABLE_ROW, "命令 | 说明", 0),
                Block.of(BlockKind.TABLE_ROW, "apt update | 更新元数据", 0),
                Block.of(BlockKind.PARAGRAPH, "表 2. 服务命令", 0),
                Block.of(BlockKind.TABLE_ROW, "动作 | 命令", 0),
                Block.of(BlockKind.TABLE_ROW, "屏蔽 | systemctl mask", 0)));
    List<Passage> tables =
        new Chunker(new ChunkSettings(20, 0))
            .chunk("d", "d", DocumentParser.layOut(doc)).stream()
                .filter(p -> p.kind() == SegmentKind.TABLE)
                .toList();
    assertThat(tables)
        .extracting(Passage::text, Passage::context)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("命令 | 说明", "表 1. 软件包命令"),
            org.assertj.core.groups.Tuple.tuple("apt update | 更新元数据", "表 1. 软件包命令\n命令 | 说明"),
            org.assertj.core.groups.Tuple.tuple("动作 | 命令", "表 2. 服务命令"),
            org.assertj.core.groups.Tuple.tuple("屏蔽 | systemctl mask", "表 2. 服务命令\n动作 | 命令"));
  }

  @Test
  void a_passage_that_continues_neither_a_table_nor_a_list_has_no_context() {
    StructuredDocument doc =
        new StructuredDocument(
            Optional.empty(),
            List.of(Block.of(BlockKind.PARAGRAPH, "第一句话很长。第二句话也很长。第三句话同样很长。", 0)));
    assertThat(new Chunker(new ChunkSettings(10, 0)).chunk("d", "d", DocumentParser.layOut(doc)))
        .hasSizeGreaterThan(1)
        .allSatisfy(p -> assertThat(p.context()).isEmpty());
  }
}
