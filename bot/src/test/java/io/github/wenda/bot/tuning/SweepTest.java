package io.github.wenda.bot.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.config.ConfigLoader;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.embed.DiskEmbeddingCache;
import io.github.wenda.retrieval.eval.Question;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep re-chunks only when chunking changes and never embeds a text twice (counted with a fake
 * model).
 */
class SweepTest {
  @TempDir Path dir;
  Path corpus;
  final List<Question> questions =
      List.of(
          new Question("q1", "上海合作组织哪年成立？", List.of("2001年")),
          new Question("q2", "秘书处设在哪里？", List.of("北京")),
          new Question("q3", "农业示范区在哪？", List.of("杨凌")));

  @BeforeEach
  void corpus() throws Exception {
    corpus = Files.createDirectories(dir.resolve("corpus"));
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      text.append("第").append(i).append("段讲述合作的一般情况，各成员国在多个领域开展了交流。");
    }
    text.append("上海合作组织于2001年6月15日在上海宣告成立。秘书处设在北京。上合组织农业合作示范区设在陕西杨凌。");
    Files.writeString(corpus.resolve("a.txt"), text.toString());
  }

  private List<SweepPoint> points(SweepGrid grid) {
    List<SweepPoint> out = new ArrayList<>();
    for (Map<String, String> values : grid.points()) {
      int max = Integer.parseInt(values.getOrDefault("chunk.max-chars", "300"));
      double w = Double.parseDouble(values.getOrDefault("search.bm25-weight", "0.8"));
      SearchSettings search =
          TestSettings.searchWith()
              .k(3)
              .candidates(20)
              .fusion(FusionMethod.WEIGHTED)
              .bm25Weight(w)
              .build();
      out.add(
          new SweepPoint(
              values,
              TestSettings.lucene(
                  corpus,
                  TestSettings.index(dir.resolve("unused"), new ChunkSettings(max, 0), 8),
                  search)));
    }
    return out;
  }

  @Test
  void chunks_once_per_chunking_and_never_embeds_a_text_twice() {
    HashingEmbedder model = new HashingEmbedder();
    SweepGrid grid =
        SweepGrid.parse(List.of("chunk.max-chars=100,200", "search.bm25-weight=0.5,0.8,1.0"));
    Sweep sweep =
        new Sweep(
            DiskEmbeddingCache.open(dir.resolve("embeddings"), model),
            dir.resolve("sweep"),
            ProgressListener.NONE);

    Sweep.Result first = sweep.run(points(grid), questions, SweepMetric.MRR);
    assertThat(first.rows()).hasSize(6);
    assertThat(first.indexesBuilt()).isEqualTo(2);
    assertThat(dir.resolve("sweep/chunk-100-0")).isDirectory();
    assertThat(dir.resolve("sweep/chunk-200-0")).isDirectory();
    int embeddedOnce = model.embedded();
    assertThat(embeddedOnce).isPositive();
    for (int i = 1; i < first.rows().size(); i++) {
      assertThat(first.rows().get(i - 1).result().mrrAtK())
          .isGreaterThanOrEqualTo(first.rows().get(i).result().mrrAtK());
    }

    // Same grid again, with a fresh cache object over the same folder: indexes reused, nothing
    // embedded.
    Sweep again =
        new Sweep(
            DiskEmbeddingCache.open(dir.resolve("embeddings"), model),
            dir.resolve("sweep"),
            ProgressListener.NONE);
    Sweep.Result second = again.run(points(grid), questions, SweepMetric.MRR);
    assertThat(second.indexesBuilt()).isZero();
    assertThat(second.indexesReused()).isEqualTo(2);
    assertThat(model.embedded()).isEqualTo(embeddedOnce);

    // A new chunking builds one more index, embedding only passages not seen in either earlier
    // chunking.
    int before = model.embedded();
    Sweep.Result third =
        again.run(
            points(SweepGrid.parse(List.of("chunk.max-chars=150"))), questions, SweepMetric.RECALL);
    assertThat(third.indexesBuilt()).isEqualTo(1);
    assertThat(model.embedded() - before).isLessThanOrEqualTo(third.best().passages());
  }

  @Test
  void best_settings_are_saved_as_a_config_file_the_loader_accepts() throws Exception {
    Path file = dir.resolve("best.yaml");
    SettingsFile.write(
        file, Map.of("chunk.max-chars", "250", "search.fusion", "rrf"), List.of("best of a sweep"));
    var config = ConfigLoader.load(file, true, Map.of(), List.of());
    assertThat(config.integer("chunk.max-chars")).isEqualTo(250);
    assertThat(config.choice("search.fusion")).isEqualTo("rrf");
    assertThat(Files.readString(file)).startsWith("# best of a sweep\n");
  }

  @Test
  void report_and_chart_are_written() throws Exception {
    HashingEmbedder model = new HashingEmbedder();
    Sweep sweep =
        new Sweep(
            DiskEmbeddingCache.open(dir.resolve("embeddings"), model),
            dir.resolve("sweep"),
            ProgressListener.NONE);
    Sweep.Result result =
        sweep.run(
            points(SweepGrid.parse(List.of("search.bm25-weight=0.5,0.8"))),
            questions,
            SweepMetric.MRR);
    String md = SweepReport.markdown(result, "q.jsonl", "chart.png", "2026-01-01");
    assertThat(md)
        .contains("| search.bm25-weight |")
        .contains("![recall and MRR by setting](chart.png)")
        .contains("Best: `bm25-weight=");
    Path png = dir.resolve("chart.png");
    Charts.sweep(result, png);
    assertThat(Files.readAllBytes(png)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }
}
