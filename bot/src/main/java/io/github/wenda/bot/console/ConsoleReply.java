package io.github.wenda.bot.console;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.render.PlainTextRenderer;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.bot.reply.ReplyChannel;
import java.io.PrintWriter;

/**
 * The console's reply to one question: the draft in a provisional status line (ANSI terminals
 * only), erased before the checked answer or a notice is printed.
 */
final class ConsoleReply implements ReplyChannel {
  private final PrintWriter out;
  private final PlainTextRenderer renderer;
  private final String language;
  private final boolean debug;
  private final ConsoleSession.Provisional draft;

  ConsoleReply(
      PrintWriter out,
      TextStyle style,
      PlainTextRenderer renderer,
      String language,
      boolean debug) {
    this.out = out;
    this.renderer = renderer;
    this.language = language;
    this.debug = debug;
    this.draft = new ConsoleSession.Provisional(out, style);
  }

  @Override
  public void token(String token) {
    draft.token(token);
  }

  @Override
  public void answer(Answer answer) {
    draft.clear();
    out.print(renderer.render(answer, language, debug));
    out.println();
    out.flush();
  }

  @Override
  public void notice(String text) {
    draft.clear();
    out.println(TerminalSafeWriter.strip(text));
    out.flush();
  }
}
