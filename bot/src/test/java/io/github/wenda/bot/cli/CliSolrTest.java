package io.github.wenda.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wenda.bot.cli.CliRunner.Run;
import io.github.wenda.retrieval.solr.SolrTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end on {@code retrieval.backend: solr}: {@code index}, {@code ask} and
 * {@code retrieve} against a real two-node SolrCloud the test starts, on a small mixed corpus
 * (.txt, .md with one text in both, and a LibreOffice PDF), so the Solr backend is proven on the
 * same documents and through the same pipeline as the embedded index.
 */
@Tag("solr")
@DisabledIfSystemProperty(named = "skipSolr", matches = "|true")
class CliSolrTest {
  @TempDir static Path home;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SolrTestCluster solr;
  private static String[] backend;

  @BeforeAll
  static void start() throws Exception {
    solr = SolrTestCluster.start(2);
    Path corpus = CliRunner.enterHomeWithCorpus(home);
    Files.writeString(
        corpus.resolve("cis.md"), "# 独联体\n\n独联体执行委员会与上合组织秘书处于2005年4月12日签署谅解备忘录，合作领域包括反恐、经济贸易。\n");
    // the same text as a plain file beside the Markdown one: an operator who dropped both formats
    Files.writeString(
        corpus.resolve("cis-copy.txt"), "独联体执行委员会与上合组织秘书处于2005年4月12日签署谅解备忘录，合作领域包括反恐、经济贸易。\n");
    // a paged format: its passages must come back from Solr with their page
    Files.copy(
        Path.of("..", "retrieval", "src", "test", "resources", "formats", "manual.pdf"),
        corpus.resolve("manual.pdf"));
    backend =
        new String[] {
          "--set", "retrieval.backend=solr",
          "--set", "solr.zk-hosts=" + solr.zkHost(),
          "--set", "solr.collection=cli",
          "--set", "solr.shards=2",
          "--set", "solr.replicas=1",
          "--set", "solr.configset=" + SolrTestCluster.CONFIGSET.toAbsolutePath().normalize(),
        };
  }

  @AfterAll
  static void stop() throws Exception {
    CliRunner.leaveHome();
    if (solr != null) {
      solr.close();
    }
  }

  private static Run wenda(String... args) {
    return CliRunner.run(Stream.concat(Stream.of(args), Stream.of(backend)).toArray(String[]::new));
  }

  @Test
  void indexes_asks_and_retrieves_through_solr() throws Exception {
    Run index = wenda("index");
    assertThat(index.exit()).as(index.err()).isZero();
    assertThat(index.out()).contains("documents  4");
    assertThat(wenda("index").out()).as("an unchanged corpus is reused").contains("reused");

    Run ask = wenda("ask", "上合组织农业合作示范区在哪里？");
    assertThat(ask.exit()).as(ask.err()).isZero();
    assertThat(ask.out()).contains("杨凌").contains("[1]");

    Path questions = home.resolve("q.jsonl");
    Files.writeString(
        questions,
        "{\"id\":\"q1\",\"question\":\"独联体和上合组织什么时候签署谅解备忘录？\"}\n"
            + "{\"id\":\"q2\",\"question\":\"Wenda 的配置文件位于哪里？\"}\n");
    Run retrieve = wenda("retrieve", "--questions", questions.toString(), "--k", "3");
    assertThat(retrieve.exit()).as(retrieve.err()).isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : retrieve.out().split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    assertThat(lines).hasSize(2);
    JsonNode top = lines.get(0).get("passages").get(0);
    // the document's own punctuation, and the copy folded into the hit that names it
    assertThat(top.get("text").asText()).contains("2005年4月12日").contains("，");
    List<String> docs = new ArrayList<>(List.of(top.get("doc").asText()));
    top.path("also").forEach(a -> docs.add(a.get("doc").asText()));
    assertThat(docs).containsExactlyInAnyOrder("cis", "cis-copy");

    JsonNode pdf = lines.get(1).get("passages").get(0);
    assertThat(pdf.get("text").asText()).contains("/etc/wenda/wenda.yaml");
    assertThat(pdf.get("page").asInt()).as("the PDF page, stored in Solr").isEqualTo(2);
  }
}
