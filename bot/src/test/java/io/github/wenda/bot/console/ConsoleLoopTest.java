package io.github.wenda.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Hits;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.retrieval.api.SearchMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * The console loop over JLine's {@link LineReader}: questions and commands until :quit or end of
 * input, Ctrl-C clears the line, history is saved. The reader is mocked (a third-party type): a
 * stream-fed terminal raced JLine's input pump and ended input early now and then under load.
 */
class ConsoleLoopTest {
  private final AnswerService service = Mockito.mock(AnswerService.class);
  private final LineReader reader = Mockito.mock(LineReader.class);
  private final History history = Mockito.mock(History.class);
  private final StringWriter output = new StringWriter();
  private final PrintWriter out = new PrintWriter(output, true);
  private final ConsoleSession session =
      new ConsoleSession(
          Map.of("extractive", service),
          "extractive",
          SearchMode.HYBRID,
          5,
          5,
          List.of(),
          Map.of(),
          out,
          TextStyle.PLAIN);

  ConsoleLoopTest() {
    Mockito.when(
            service.answer(
                Mockito.any(), Mockito.anyString(), Mockito.anyInt(), Mockito.any(), Mockito.any()))
        .thenReturn(Answer.notFound(Hits.of("相关段落。"), List.of()));
    Mockito.when(reader.getHistory()).thenReturn(history);
  }

  @Test
  void answers_questions_and_commands_until_quit_and_saves_history() throws Exception {
    Mockito.when(reader.readLine(Mockito.anyString()))
        .thenReturn("巴黎天气如何？")
        .thenThrow(new UserInterruptException("half-typed"))
        .thenReturn(":k 3", ":quit", ":never-read");
    ConsoleLoop.run(reader, out, session);
    assertThat(output.toString())
        .contains("Ask a question")
        .contains("文档中似乎没有")
        .contains("k = 3")
        .doesNotContain("never-read");
    Mockito.verify(reader, Mockito.times(4)).readLine(Mockito.anyString());
    Mockito.verify(history).save();
  }

  @Test
  void end_of_input_ends_the_loop_and_still_saves_history() throws Exception {
    Mockito.when(reader.readLine(Mockito.anyString()))
        .thenReturn(":k 2")
        .thenThrow(new EndOfFileException());
    ConsoleLoop.run(reader, out, session);
    assertThat(output.toString()).contains("k = 2");
    Mockito.verify(history).save();
  }

  @Test
  void an_unexpected_error_for_one_question_is_one_line_and_the_console_goes_on() throws Exception {
    Mockito.when(
            service.answer(
                Mockito.any(), Mockito.eq("坏问题"), Mockito.anyInt(), Mockito.any(), Mockito.any()))
        .thenThrow(new ArrayIndexOutOfBoundsException("Index 7 out of bounds for length 3"));
    Mockito.when(reader.readLine(Mockito.anyString())).thenReturn("坏问题", "好问题", ":quit");

    ConsoleLoop.run(reader, out, session);

    String shown = output.toString();
    assertThat(shown)
        .contains(
            "wenda: unexpected error while answering: java.lang.ArrayIndexOutOfBoundsException: Index 7")
        .contains("this is a bug, please report it")
        .contains("--verbose")
        .doesNotContain("\tat io.github");
    assertThat(shown.indexOf("文档中似乎没有")).isGreaterThan(shown.indexOf("this is a bug"));
    Mockito.verify(history).save();
  }

  @Test
  void with_verbose_the_stack_trace_follows_the_line() throws Exception {
    Mockito.when(
            service.answer(
                Mockito.any(), Mockito.eq("坏问题"), Mockito.anyInt(), Mockito.any(), Mockito.any()))
        .thenThrow(new IllegalStateException("kaput"));
    Mockito.when(reader.readLine(Mockito.anyString())).thenReturn("坏问题", ":quit");
    ConsoleLoop.run(reader, out, session, true);
    assertThat(output.toString()).contains("kaput").contains("this is a bug").contains("\tat ");
  }
}
