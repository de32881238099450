package io.github.wenda.bot.render;

/**
 * How emphasis is drawn in plain-text output: ANSI colours on a capable terminal, brackets
 * elsewhere.
 */
public enum TextStyle {
  PLAIN("【", "】", "", ""),
  ANSI("\u001b[1;33m", "\u001b[0m", "\u001b[2m", "\u001b[0m");

  final String markOpen;
  final String markClose;
  final String dimOpen;
  final String dimClose;

  TextStyle(String markOpen, String markClose, String dimOpen, String dimClose) {
    this.markOpen = markOpen;
    this.markClose = markClose;
    this.dimOpen = dimOpen;
    this.dimClose = dimClose;
  }
}
