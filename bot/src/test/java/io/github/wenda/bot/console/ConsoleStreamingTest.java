package io.github.wenda.bot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.retrieval.api.SearchMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** A streamed reply is a provisional draft: only the checked answer stays on screen. */
class ConsoleStreamingTest {
  private static final String DRAFT = "上合组织于2001年成立[1]。总部设在纽约[1]。";
  private static final String CHECKED = "上合组织于2001年成立[1]。";

  private String ask(TextStyle style) {
    StringWriter buffer = new StringWriter();
    AnswerService service = Mockito.mock(AnswerService.class);
    Mockito.when(service.answer(any(), anyString(), anyInt(), any(), any()))
        .thenAnswer(
            call -> {
              TokenSink sink = call.getArgument(4);
              for (int i = 0; i < DRAFT.length(); i += 3) {
                sink.token(DRAFT.substring(i, Math.min(DRAFT.length(), i + 3)));
              }
              return Answer.found(
                  CHECKED,
                  List.of(),
                  List.of("1 sentence not supported by the passages is removed."));
            });
    ConsoleSession session =
        new ConsoleSession(
            Map.of("llm", service),
            "llm",
            SearchMode.HYBRID,
            5,
            5,
            List.of(),
            Map.of(),
            new PrintWriter(buffer, true),
            style);
    session.handle("上合组织总部在哪里？");
    return buffer.toString();
  }

  @Test
  void plain_terminal_shows_only_the_checked_answer() {
    String out = ask(TextStyle.PLAIN);
    assertThat(out).contains(CHECKED).doesNotContain("纽约").doesNotContain("checked answer");
  }

  @Test
  void ansi_terminal_erases_the_draft_before_the_checked_answer() {
    String out = ask(TextStyle.ANSI);
    int lastDraft = out.lastIndexOf("纽约");
    int erase = out.lastIndexOf("\r\u001b[2K");
    assertThat(out).contains("not yet checked");
    assertThat(erase).isGreaterThan(lastDraft);
    assertThat(out.substring(erase)).doesNotContain("纽约").contains("2001");
    assertThat(out.substring(0, erase)).doesNotContain("\n");
  }
}
