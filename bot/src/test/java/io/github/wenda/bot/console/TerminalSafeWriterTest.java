package io.github.wenda.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalSafeWriterTest {
  @Test
  void escape_sequences_and_controls_from_documents_are_dropped_text_and_newlines_kept() {
    String title =
        "标题\u001b]0;pwned\u0007\u001b[2J\u001b[1;1H\u001b]52;c;ZXZpbA==\u001b\\正文\r覆盖\b\u009b31m\u0085尾\t巴\n";
    assertThat(TerminalSafeWriter.strip(title)).isEqualTo("标题正文覆盖尾\t巴\n");
  }

  @Test
  void wendas_own_colours_pass_even_when_split_across_writes() {
    StringWriter sink = new StringWriter();
    PrintWriter out = TerminalSafeWriter.wrap(sink, TerminalSafeWriter.WENDA_COLOURS);
    out.print("a\u001b[1;");
    out.print("33m重点\u001b[0m\u001b[31m红\u001b");
    out.print("[0m b");
    out.flush();
    assertThat(sink.toString()).isEqualTo("a\u001b[1;33m重点\u001b[0m红\u001b[0m b");
  }

  @Test
  void an_unterminated_title_sequence_does_not_swallow_the_next_line() {
    assertThat(TerminalSafeWriter.strip("前\u001b]0;no end\n后")).isEqualTo("前\n后");
  }
}
