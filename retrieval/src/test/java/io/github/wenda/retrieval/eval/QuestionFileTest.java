package io.github.wenda.retrieval.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionFileTest {
  @TempDir Path dir;

  @Test
  void reads_ids_questions_and_answers_ignoring_other_fields_and_blank_lines() throws Exception {
    Path f = dir.resolve("q.jsonl");
    Files.writeString(
        f,
        """
        {"id":"q1","question":"上合何时成立？","answers":["2001年"],"doc":"000"}

        {"id":"q2","question":"巴黎天气？","answers":[]}
        {"question":"无编号"}
        """);
    List<Question> qs = QuestionFile.read(f);
    assertThat(qs).extracting(Question::id).containsExactly("q1", "q2", "4");
    assertThat(qs.get(0).answerable()).isTrue();
    assertThat(qs.get(1).scored()).isTrue();
    assertThat(qs.get(1).answerable()).isFalse();
    assertThat(qs.get(2).scored()).isFalse();
  }

  @Test
  void a_broken_line_names_the_file_and_line() throws Exception {
    Path f = dir.resolve("q.jsonl");
    Files.writeString(f, "{\"id\":\"1\",\"question\":\"a\"}\n{oops\n");
    assertThatThrownBy(() -> QuestionFile.read(f)).hasMessageContaining("q.jsonl:2");
  }

  @Test
  void a_missing_question_field_is_named() throws Exception {
    Path f = dir.resolve("q.jsonl");
    Files.writeString(f, "{\"id\":\"1\",\"q\":\"a\"}\n");
    assertThatThrownBy(() -> QuestionFile.read(f))
        .hasMessageContaining("q.jsonl:1")
        .hasMessageContaining("\"question\"");
  }

  @Test
  void a_missing_file_is_named() {
    assertThatThrownBy(() -> QuestionFile.read(dir.resolve("none.jsonl")))
        .hasMessageContaining("none.jsonl");
  }
}
