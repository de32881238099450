package io.github.wenda.bot.cli;

import static io.github.wenda.bot.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wenda.bot.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `index`, `ask` and `retrieve` on a corpus of real documents in several formats, bad files among
 * them.
 */
class FormatsCliTest {
  private static final Path FIXTURES =
      Path.of("..", "retrieval", "src", "test", "resources", "formats");
  @TempDir Path home;

  @AfterEach
  void restore() {
    CliRunner.leaveHome();
  }

  private Path corpus(String... fixtures) throws Exception {
    CliRunner.enterHome(home);
    Path corpus = Files.createDirectories(home.resolve("corpus"));
    for (String f : fixtures) {
      Files.copy(FIXTURES.resolve(f), corpus.resolve(f));
    }
    return corpus;
  }

  @Test
  void index_counts_each_format_and_names_every_skipped_file_with_its_reason() throws Exception {
    Path corpus = corpus("manual.pdf", "guide.md");
    Files.writeString(corpus.resolve("broken.pdf"), "%PDF-1.4 truncated");
    Files.writeString(corpus.resolve("book.epub"), "PK");
    Run r = run("index");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("documents  2")
        .contains("pdf        1 indexed, 1 skipped")
        .contains("markdown   1 indexed")
        .contains(".epub      0 indexed, 1 skipped")
        .containsPattern("warning: skipping broken\\.pdf: .*PDF")
        .contains("warning: skipping book.epub: unsupported type");
  }

  @Test
  void citations_and_json_name_the_page_and_the_section_of_a_pdf() throws Exception {
    corpus("manual.pdf");
    assertThat(run("index").exit()).isZero();
    Run ask = run("ask", "Acquire::http::Dl-Limit 的单位是什么？");
    assertThat(ask.out()).contains("3.1. 限制下载带宽").contains("p. 4");
    Path q =
        Files.writeString(
            home.resolve("q.jsonl"), "{\"id\":\"q1\",\"question\":\"如何限制下载带宽 Dl-Limit\"}\n");
    Run retrieve = run("retrieve", "--questions", q.toString(), "--k", "1");
    JsonNode hit = new ObjectMapper().readTree(retrieve.out().strip()).get("passages").get(0);
    assertThat(hit.get("page").asInt()).isEqualTo(4);
    assertThat(hit.get("section").asText()).isEqualTo("3. 索引文档 / 3.1. 限制下载带宽");
  }

  @Test
  void index_fails_with_the_reason_when_files_are_present_but_none_can_be_indexed()
      throws Exception {
    Path corpus = corpus();
    Files.writeString(corpus.resolve("broken.pdf"), "%PDF-1.4 truncated");
    Files.writeString(corpus.resolve("notes.odt"), "PK");
    Run r = run("index");
    assertThat(r.exit()).isEqualTo(Main.ERROR);
    assertThat(r.err())
        .contains("no document in")
        .contains("broken.pdf")
        .contains("notes.odt (unsupported type");
  }
}
