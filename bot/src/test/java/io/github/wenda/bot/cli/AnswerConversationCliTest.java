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
 * {@code answer --questions}: conversations in a batch file, and the checker's verdicts in the
 * JSONL.
 */
class AnswerConversationCliTest {
  @TempDir static Path home;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void home() throws Exception {
    CliRunner.enterHomeWithCorpus(home);
    assertThat(run("index").exit()).isZero();
  }

  @AfterAll
  static void restore() {
    CliRunner.leaveHome();
  }

  private static List<JsonNode> answer(String... args) throws Exception {
    Path f = Files.createTempFile(home, "q", ".jsonl");
    Files.writeString(
        f, String.join("\n", List.of(args).subList(args.length - 3, args.length)) + "\n");
    List<String> all = new ArrayList<>(List.of(args).subList(0, args.length - 3));
    all.addAll(List.of("answer", "--questions", f.toString()));
    Run r = run(all.toArray(String[]::new));
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      if (!line.isBlank()) {
        nodes.add(JSON.readTree(line));
      }
    }
    return nodes;
  }

  @Test
  void lines_sharing_a_conversation_are_one_conversation_and_others_stand_alone() throws Exception {
    // when
    List<JsonNode> lines =
        answer(
            "{\"id\":\"1\",\"conversation\":\"a\",\"question\":\"上海合作组织是什么时候成立的？\"}",
            "{\"id\":\"2\",\"question\":\"在哪儿？\"}",
            "{\"id\":\"3\",\"conversation\":\"a\",\"question\":\"它的秘书处设在哪里？\"}");

    // then
    assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("1", "2", "3");
    assertThat(lines.get(0).get("conversation").asText()).isEqualTo("a");
    assertThat(lines.get(1).has("searched_as")).as("a lone line has no earlier question").isFalse();
    assertThat(lines.get(2).get("searched_as").asText()).isEqualTo("上海合作组织的秘书处设在哪里？");
    assertThat(lines.get(2).get("answer").asText()).contains("北京");
  }

  @Test
  void llm_answers_carry_the_checker_verdict_of_each_sentence() throws Exception {
    try (FakeLlmServer llm = FakeLlmServer.start()) {
      // given: one faithful claim, one wrong claim made of the passage's words
      llm.then(FakeLlmServer.Script.reply("上合组织农业合作示范区设在陕西杨凌[1]。上合组织秘书处设在杨凌[1]。"));

      // when
      List<JsonNode> lines =
          answer(
              "--set",
              "answer.mode=llm",
              "--set",
              "llm.base-url=" + llm.openAiBaseUrl(),
              "--set",
              "llm.model=fake-model",
              "--set",
              "llm.stream=false",
              "{\"id\":\"1\",\"question\":\"上合组织农业合作示范区在哪里？\"}",
              "",
              "");

      // then: the first Chinese question cost one model call, no rewrite
      assertThat(llm.requests()).hasSize(1);
      JsonNode sentences = lines.get(0).get("sentences");
      assertThat(sentences).hasSize(2);
      assertThat(sentences.get(0).get("supported").asBoolean()).isTrue();
      assertThat(sentences.get(0).get("citations").get(0).asInt()).isEqualTo(1);
      assertThat(sentences.get(1).get("supported").asBoolean()).isFalse();
      assertThat(sentences.get(1).get("reason").asText()).isNotBlank();
      assertThat(lines.get(0).get("notes").toString()).contains("not supported");
    }
  }
}
