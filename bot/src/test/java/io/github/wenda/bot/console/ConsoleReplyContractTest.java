package io.github.wenda.bot.console;

import io.github.wenda.bot.answer.Language;
import io.github.wenda.bot.render.PlainTextRenderer;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.bot.reply.ReplyChannel;
import io.github.wenda.bot.reply.ReplyChannelContract;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** The console's reply channel on an ANSI terminal, where a draft is shown and then erased. */
class ConsoleReplyContractTest extends ReplyChannelContract {
  private final StringWriter terminal = new StringWriter();

  @Override
  protected ReplyChannel open(String question) {
    PrintWriter out = new PrintWriter(terminal, true);
    return new ConsoleReply(
        out,
        TextStyle.ANSI,
        new PlainTextRenderer(TextStyle.ANSI),
        Language.detect(question),
        false);
  }

  /** The terminal's lines after carriage returns and line erasures, colours removed. */
  @Override
  protected String visible() {
    List<String> lines = new ArrayList<>();
    for (String line : terminal.toString().split("\n", -1)) {
      String shown =
          line.substring(line.lastIndexOf('\r') + 1); // \r then ESC[2K: the line is rewritten
      lines.add(shown.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", ""));
    }
    return String.join("\n", lines);
  }
}
