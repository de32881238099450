package io.github.wenda.bot.cli;

import static io.github.wenda.bot.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.github.wenda.bot.bench.Bench;
import io.github.wenda.bot.bench.BenchReport;
import io.github.wenda.bot.cli.CliRunner.Run;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.eval.QuestionFile;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * explain and eval --sweep end to end on a tiny corpus (real model), and the bench JSON shape (fake
 * model).
 */
class TuningCliTest {
  @TempDir static Path home;

  @BeforeAll
  static void home() throws Exception {
    Path corpus = CliRunner.enterHomeWithCorpus(home);
    Files.writeString(
        corpus.resolve("questions.jsonl"),
        "{\"id\":\"a\",\"question\":\"上合组织秘书处设在哪里？\",\"answers\":[\"北京\"]}\n"
            + "{\"id\":\"b\",\"question\":\"农业合作示范区在哪？\",\"answers\":[\"杨凌\"]}\n"
            + "{\"id\":\"c\",\"question\":\"火星上有水吗？\",\"answers\":[]}\n");
  }

  @AfterAll
  static void restore() {
    CliRunner.leaveHome();
  }

  @Test
  void explain_shows_tokens_ranks_scores_and_the_decision() {
    Run r = run("explain", "上合组织秘书处设在哪里？", "--top", "3");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("normalised  上合组织秘书处设在哪里?")
        .contains("words       ")
        .contains("秘书处")
        .contains("bigrams     ")
        .contains("秘书")
        .contains("bm25 rank")
        .contains("vec sim")
        .contains("fused")
        .contains("sco#0")
        .contains("answer.min-coverage 0.60")
        .contains("answer.min-similarity 0.74")
        .containsPattern("decision    (answer|decline)");
    assertThat(r.out()).doesNotContain("哪里 |");
  }

  @Test
  void explain_declines_off_topic_questions_with_the_thresholds() {
    Run r = run("explain", "火星上有水吗？");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("decision    decline");
  }

  @Test
  void sweep_prints_a_sorted_table_writes_report_chart_and_saves_only_when_asked()
      throws Exception {
    Path report = home.resolve("out/sweep.md");
    Run r =
        run(
            "eval",
            "--sweep",
            "search.fusion=rrf,weighted",
            "--sweep",
            "chunk.max-chars=100,200",
            "--report",
            report.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("4 settings, sorted by mrr")
        .contains("search.fusion")
        .contains("indexes built 2");
    assertThat(report).exists();
    assertThat(home.resolve("out/sweep.png")).exists();
    assertThat(home.resolve(".wenda/sweep/chunk-100-0")).isDirectory();
    assertThat(Files.list(home.resolve("out")).count()).isEqualTo(2);

    Path best = home.resolve("best.yaml");
    Run again =
        run(
            "eval",
            "--sweep",
            "search.fusion=rrf,weighted",
            "--sweep",
            "chunk.max-chars=100,200",
            "--report",
            report.toString(),
            "--save",
            best.toString());
    assertThat(again.out()).contains("indexes built 0, reused 2").contains("texts embedded 0");
    assertThat(Files.readString(best))
        .contains("chunk:\n  max-chars: ")
        .contains("search:\n  fusion: ");
    assertThat(run("--config", best.toString(), "index").exit()).isZero();
  }

  @Test
  void sweep_values_are_checked_like_the_config() {
    Run bad = run("eval", "--sweep", "search.k=5,0");
    assertThat(bad.exit()).isEqualTo(Main.USAGE);
    assertThat(bad.err()).contains("search.k").contains("0");
    Run unknown = run("eval", "--sweep", "serch.k=5");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.err()).contains("'serch.k'");
  }

  /** A stand-in for the baseline's model: the same hashed bigrams as the fake Wenda embedder. */
  static final class HashingModel implements EmbeddingModel {
    final HashingEmbedder inner = new HashingEmbedder();

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      List<Embedding> out = new ArrayList<>();
      Iterator<float[]> v =
          inner.embed(segments.stream().map(TextSegment::text).toList()).iterator();
      while (v.hasNext()) {
        out.add(Embedding.from(v.next()));
      }
      return Response.from(out);
    }
  }

  @Test
  void bench_json_has_exactly_the_contract_keys() throws Exception {
    Launch launch = Launch.from(null, List.of("data.dir=.wenda-bench"), false, Map.of());
    HashingEmbedder model = new HashingEmbedder();
    Bench bench =
        new Bench(
            new Bench.Setup(
                launch.retrieval(),
                home.resolve(".wenda-bench/bench"),
                model,
                new HashingModel(),
                (r, e) -> Answering.service(launch, r, e),
                () -> 0.5,
                1,
                2,
                ProgressListener.NONE));
    BenchReport report = bench.run(QuestionFile.read(home.resolve("corpus/questions.jsonl")));
    JsonNode json = new ObjectMapper().readTree(report.toJson().toString());
    assertThat(fields(json))
        .containsExactly(
            "questions",
            "runs",
            "rounds",
            "k",
            "passages",
            "segments",
            "wenda",
            "baseline",
            "ratio",
            "spread");
    assertThat(json.get("runs").asInt()).isEqualTo(2);
    JsonNode w = json.get("wenda");
    JsonNode b = json.get("baseline");
    for (JsonNode side : List.of(w, b)) {
      assertThat(
              side.has("recall_at_5")
                  && side.has("mrr_at_5")
                  && side.has("index_build_s")
                  && side.has("peak_heap_mb"))
          .isTrue();
      assertThat(fields(side.get("retrieve_ms"))).containsExactly("p50", "p95", "p99");
      assertThat(fields(side.get("throughput_qps"))).containsExactly("1", "2");
      assertThat(side.get("throughput_qps").get("2").asDouble()).isPositive();
      assertThat(side.get("peak_heap_mb").asDouble()).isPositive();
      assertThat(side.get("recall_at_5").asDouble()).isBetween(0.0, 1.0);
    }
    assertThat(fields(w.get("answer_ms"))).containsExactly("p50", "p95", "p99");
    assertThat(w.get("index_stages_s").has("embed")).isTrue();
    assertThat(w.get("startup_s").asDouble()).isEqualTo(0.5);
    // Ratios are Wenda / baseline within each run, for every figure both sides have.
    JsonNode ratio = json.get("ratio");
    assertThat(ratio.has("startup_s")).isFalse();
    assertThat(ratio.get("recall_at_5").asDouble())
        .isCloseTo(
            w.get("recall_at_5").asDouble() / b.get("recall_at_5").asDouble(),
            org.assertj.core.data.Offset.offset(0.01));
    assertThat(fields(ratio.get("throughput_qps"))).containsExactly("1", "2");
    JsonNode spread = json.get("spread").get("wenda").get("retrieve_ms").get("p50");
    assertThat(spread.get(0).asDouble())
        .isLessThanOrEqualTo(w.get("retrieve_ms").get("p50").asDouble());
    assertThat(spread.get(1).asDouble())
        .isGreaterThanOrEqualTo(w.get("retrieve_ms").get("p50").asDouble());
    StringWriter table = new StringWriter();
    report.printTable(new PrintWriter(table, true));
    assertThat(table.toString())
        .contains("recall_at_5")
        .contains("ratio")
        .contains("embed s")
        .contains("throughput_qps.2");
  }

  private static List<String> fields(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
