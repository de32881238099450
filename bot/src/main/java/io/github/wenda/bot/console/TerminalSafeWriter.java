package io.github.wenda.bot.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Set;

/**
 * A writer for the terminal that drops control characters coming from documents, questions or a
 * model: escape sequences (cursor moves, window titles, OSC 52 clipboard writes, hyperlinks), C0
 * controls other than newline and tab (so no carriage return or backspace overwrites a line), DEL
 * and C1 controls. Only the exact colour sequences Wenda itself writes pass ({@code allowed}); a
 * document containing those can at most change a colour.
 *
 * <p>Stateful, so a sequence split across writes (streamed tokens) is still recognised.
 */
public final class TerminalSafeWriter extends Writer {
  /**
   * The SGR sequences of {@link io.github.wenda.bot.render.TextStyle#ANSI} and the console's dim
   * banner.
   */
  public static final Set<String> WENDA_COLOURS = Set.of("\u001b[0m", "\u001b[1;33m", "\u001b[2m");

  private static final char ESC = '\u001b';
  private static final int MAX_SEQUENCE = 32;

  private enum State {
    TEXT,
    ESCAPE,
    CSI,
    STRING,
    STRING_ESCAPE
  }

  private final Writer out;
  private final Set<String> allowed;
  private final StringBuilder sequence = new StringBuilder();
  private State state = State.TEXT;

  public TerminalSafeWriter(Writer out, Set<String> allowed) {
    this.out = out;
    this.allowed = Set.copyOf(allowed);
  }

  /** A PrintWriter over {@code out} that lets only {@code allowed} sequences through. */
  public static PrintWriter wrap(Writer out, Set<String> allowed) {
    return new PrintWriter(new TerminalSafeWriter(out, allowed), true);
  }

  /**
   * {@code s} without control characters and escape sequences (none allowed): for one-off strings.
   */
  public static String strip(String s) {
    java.io.StringWriter w = new java.io.StringWriter();
    try (TerminalSafeWriter t = new TerminalSafeWriter(w, Set.of())) {
      t.write(s);
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringWriter does not fail
    }
    return w.toString();
  }

  @Override
  public synchronized void write(char[] buf, int off, int len) throws IOException {
    StringBuilder kept = new StringBuilder(len);
    for (int i = off; i < off + len; i++) {
      accept(buf[i], kept);
    }
    if (kept.length() > 0) {
      out.write(kept.toString());
    }
  }

  private void accept(char c, StringBuilder kept) {
    switch (state) {
      case TEXT -> text(c, kept);
      case ESCAPE -> {
        if (c == '[') {
          sequence.append(c);
          state = State.CSI;
        } else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
          sequence.setLength(0);
          state = State.STRING; // OSC, DCS, SOS, PM, APC: dropped up to their terminator
        } else {
          sequence.setLength(0);
          state = State.TEXT; // a two-character escape: dropped
          if (c < 0x20) {
            text(c, kept);
          }
        }
      }
      case CSI -> {
        if (c >= 0x40 && c <= 0x7e) { // final byte
          sequence.append(c);
          if (allowed.contains(sequence.toString())) {
            kept.append(sequence);
          }
          sequence.setLength(0);
          state = State.TEXT;
        } else if (c >= 0x20 && c <= 0x3f && sequence.length() < MAX_SEQUENCE) {
          sequence.append(c);
        } else { // malformed or over-long: drop it, and read this character as text
          sequence.setLength(0);
          state = State.TEXT;
          text(c, kept);
        }
      }
      case STRING, STRING_ESCAPE -> {
        if (c == '\u0007' || c == '\u009c' || state == State.STRING_ESCAPE && c == '\\') {
          state = State.TEXT;
        } else if (c == '\n') {
          // An unterminated string must not swallow the rest of the answer.
          state = State.TEXT;
          kept.append(c);
        } else {
          state = c == ESC ? State.STRING_ESCAPE : State.STRING;
        }
      }
      default -> throw new IllegalStateException(state.toString());
    }
  }

  private void text(char c, StringBuilder kept) {
    if (c == ESC) {
      sequence.setLength(0);
      sequence.append(c);
      state = State.ESCAPE;
    } else if (c == '\u009b') { // the one-byte CSI
      sequence.setLength(0);
      sequence.append(ESC).append('[');
      state = State.CSI;
    } else if (c == '\u009d' || c == '\u0090' || c == '\u0098' || c == '\u009e' || c == '\u009f') {
      state = State.STRING;
    } else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f)) {
      kept.append(c);
    }
    // other C0 controls, DEL and C1 controls: dropped
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
