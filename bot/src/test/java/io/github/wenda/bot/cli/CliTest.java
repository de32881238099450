package io.github.wenda.bot.cli;

import static io.github.wenda.bot.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wenda.bot.answer.llm.FakeLlmServer;
import io.github.wenda.bot.cli.CliRunner.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line contracts (DESIGN.md) end to end: real model, real index, a small corpus in a
 * temporary Wenda home.
 */
class CliTest {
  @TempDir static Path home;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void home() throws Exception {
    Path corpus = CliRunner.enterHomeWithCorpus(home);
    Files.writeString(corpus.resolve("cis.md"), "# 独联体\n\n独联体执行委员会与上合组织秘书处于2005年4月12日签署谅解备忘录。\n");
    Files.writeString(
        corpus.resolve("catalog.yaml"),
        "documents:\n  sco.txt:\n    title: 上合组织概况\n    author: 测试\n");
    assertThat(run("index").exit()).isZero();
  }

  @AfterAll
  static void restore() {
    CliRunner.leaveHome();
  }

  private static Path questions(String... lines) throws Exception {
    Path f = Files.createTempFile(home, "q", ".jsonl");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  private static List<JsonNode> jsonLines(String out) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void index_reports_documents_passages_and_reuses_an_unchanged_index() {
    Run r = run("index");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Index reused").contains("documents  2");
  }

  @Test
  void ask_answers_with_a_citation_and_exit_0() {
    Run r = run("ask", "上合组织农业合作示范区在哪里？");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("杨凌").contains("[1]").contains("上合组织概况");
  }

  @Test
  void ask_exits_3_when_the_documents_do_not_cover_the_question() {
    Run r = run("ask", "红烧肉怎么做才好吃？");
    assertThat(r.exit()).isEqualTo(AskCommand.NOT_COVERED);
    assertThat(r.out()).contains("文档中似乎没有");
  }

  @Test
  void usage_errors_exit_2_with_one_clear_line() {
    Run missing = run("ask");
    assertThat(missing.exit()).isEqualTo(2);
    Run unknownKey = run("--set", "serch.k=3", "ask", "上合");
    assertThat(unknownKey.exit()).isEqualTo(2);
    assertThat(unknownKey.err()).contains("serch.k").doesNotContain("\tat ");
  }

  @Test
  void settings_given_before_and_after_the_command_name_all_apply() throws Exception {
    Path q = questions("{\"id\":\"b\",\"question\":\"上合组织秘书处和独联体签署了什么\"}");
    Run r =
        run(
            "--set",
            "search.mode=bm25",
            "retrieve",
            "--questions",
            q.toString(),
            "--set",
            "search.k=1");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode passages = jsonLines(r.out()).get(0).get("passages");
    assertThat(passages.size()).as("search.k=1 from after the command name").isEqualTo(1);
    // A raw BM25 score, where hybrid's fused scores lie in 0..1: search.mode=bm25 from before it.
    assertThat(passages.get(0).get("score").asDouble()).isGreaterThan(1.0);
  }

  @Test
  void retrieve_prints_jsonl_in_input_order_and_nothing_else() throws Exception {
    Path q =
        questions(
            "{\"id\":\"b\",\"question\":\"独联体何时签署备忘录\"}",
            "{\"id\":\"a\",\"question\":\"世贸谈判历时多久\",\"x\":1}");
    Run r = run("retrieve", "--questions", q.toString(), "--k", "2", "--mode", "bm25");
    assertThat(r.exit()).isZero();
    List<JsonNode> lines = jsonLines(r.out());
    assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("b", "a");
    JsonNode first = lines.get(0).get("passages").get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("doc").asText()).isEqualTo("cis");
    assertThat(first.has("title") && first.has("passage") && first.has("score")).isTrue();
    assertThat(first.get("text").asText()).contains("2005年4月12日");
    assertThat(lines.get(1).get("passages").size()).isLessThanOrEqualTo(2);
  }

  @Test
  void answer_writes_one_line_per_question_even_for_hostile_ones() throws Exception {
    String huge = "上合".repeat(50_000);
    Path q =
        questions(
            "{\"id\":\"1\",\"question\":\"上合组织农业合作示范区在哪里？\"}",
            "{\"id\":\"2\",\"question\":\"\"}",
            "{\"id\":\"3\",\"question\":\"" + huge + "\"}",
            "{\"id\":\"4\",\"question\":\"\\u0000\\u0007 AND OR ( * ? \\\\ \"}",
            "{\"id\":\"5\",\"question\":\"<script>alert(1)</script>\"}",
            "{\"id\":\"6\",\"question\":\"\\ud800 上合\"}");
    Run r = run("answer", "--questions", q.toString());
    assertThat(r.exit()).isZero();
    List<JsonNode> lines = jsonLines(r.out());
    assertThat(lines)
        .extracting(n -> n.get("id").asText())
        .containsExactly("1", "2", "3", "4", "5", "6");
    JsonNode first = lines.get(0);
    assertThat(first.get("found").asBoolean()).isTrue();
    assertThat(first.get("answer").asText()).contains("杨凌");
    JsonNode citation = first.get("citations").get(0);
    assertThat(citation.get("n").asInt()).isEqualTo(1);
    assertThat(citation.get("doc").asText()).isEqualTo("sco");
    assertThat(citation.has("title") && citation.has("passage") && citation.has("text")).isTrue();
    assertThat(lines.get(1).get("found").asBoolean()).isFalse();
    assertThat(lines.get(2).get("notes").toString()).contains("cut");
  }

  @Test
  void a_broken_question_file_names_the_line_without_a_stack_trace() throws Exception {
    Path q = questions("{\"id\":\"1\",\"question\":\"ok\"}", "{broken");
    Run r = run("retrieve", "--questions", q.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(q.getFileName().toString() + ":2").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void llm_mode_answers_through_the_configured_server_with_checked_citations() {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.then(FakeLlmServer.Script.reply("上合组织农业合作示范区设在陕西杨凌[1]。"));
      Run r =
          run(
              "--set",
              "answer.mode=llm",
              "--set",
              "llm.base-url=" + llm.openAiBaseUrl(),
              "--set",
              "llm.model=fake-model",
              "--set",
              "llm.rewrite-questions=false",
              "ask",
              "上合组织农业合作示范区在哪里？");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("上合组织农业合作示范区设在陕西杨凌[1]").contains("上合组织概况");
      assertThat(llm.lastRequest().prompt()).contains("[1]").contains("杨凌");
    }
  }

  @Test
  void llm_mode_falls_back_to_quoting_when_the_server_fails() {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      llm.then(FakeLlmServer.Script.status(500, "{\"error\":\"boom\"}"));
      Run r =
          run(
              "--set",
              "answer.mode=llm",
              "--set",
              "llm.provider=ollama",
              "--set",
              "llm.base-url=" + llm.ollamaBaseUrl(),
              "--set",
              "llm.model=qwen",
              "--set",
              "llm.rewrite-questions=false",
              "ask",
              "上合组织农业合作示范区在哪里？");
      assertThat(r.exit()).isZero();
      assertThat(r.out()).contains("设在陕西杨凌。[1]").contains("来源").contains("LLM unavailable");
    }
  }

  @Test
  void llm_mode_without_a_model_is_a_configuration_error_naming_the_key() {
    Run r = run("--set", "answer.mode=llm", "ask", "上合");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("llm.model");
  }

  @Test
  void eval_json_reports_each_mode() throws Exception {
    Path q =
        questions(
            "{\"id\":\"1\",\"question\":\"示范区在哪\",\"answers\":[\"杨凌\"]}",
            "{\"id\":\"2\",\"question\":\"巴黎天气\",\"answers\":[]}");
    Run r = run("eval", "--questions", q.toString(), "--json");
    assertThat(r.exit()).isZero();
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("answerable").asInt()).isEqualTo(1);
    assertThat(report.get("unanswerable").asInt()).isEqualTo(1);
    assertThat(report.get("modes")).hasSize(3);
    assertThat(report.get("modes").get(0).get("recallAtK").asDouble()).isEqualTo(1.0);
  }
}
