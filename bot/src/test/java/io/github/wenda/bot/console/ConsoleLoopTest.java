package io.github.wenda.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Hits;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.retrieval.search.SearchMode;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/** The JLine loop on a real (dumb) terminal fed from a stream, as when input is piped in. */
class ConsoleLoopTest {
  @TempDir Path dir;

  @Test
  void reads_questions_and_commands_until_quit_and_saves_history() throws Exception {
    // Tests share one thread; a stale interrupt flag from an earlier one makes JLine read end-of-input.
    Thread.interrupted();
    AnswerService service = Mockito.mock(AnswerService.class);
    Mockito.when(service.answer(Mockito.any(), Mockito.anyString(), Mockito.anyInt(), Mockito.any(), Mockito.any()))
        .thenReturn(Answer.notFound(Hits.of("相关段落。"), List.of()));
    // A pipe left open, like a person who has not pressed Ctrl-D: the loop must stop at :quit.
    PipedOutputStream keyboard = new PipedOutputStream();
    PipedInputStream input = new PipedInputStream(keyboard, 4096);
    keyboard.write("巴黎天气如何？\n:k 3\n:quit\n:never-read\n".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (keyboard; Terminal terminal = TerminalBuilder.builder().system(false).streams(input, output)
        .dumb(true).type(Terminal.TYPE_DUMB).encoding(StandardCharsets.UTF_8).build()) {
      ConsoleSession session = new ConsoleSession(Map.of("extractive", service), "extractive", SearchMode.HYBRID, 5, 5,
          List.of(), Map.of(), terminal.writer(), ConsoleLoop.colour(terminal) ? TextStyle.ANSI : TextStyle.PLAIN);
      ConsoleLoop.run(terminal, session, dir.resolve("history"));
    }
    String all = output.toString(StandardCharsets.UTF_8);
    // The stream terminal echoes raw input first; what the loop printed starts at the banner.
    String shown = all.substring(all.indexOf("Ask a question"));
    assertThat(shown).contains("文档中似乎没有").contains("k = 3").doesNotContain("never-read").doesNotContain("\u001b[1;33m");
    assertThat(Files.readString(dir.resolve("history"))).contains("巴黎天气如何？").contains(":k 3");
  }
}
