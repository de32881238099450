package io.github.wenda.bot.answer;

import java.util.regex.Pattern;

/**
 * Sentences that are never the main quote unless the question asks for a source: bibliography
 * entries (作者:《题目》,载《报刊》,日期), URLs, contents lines (标题……12), bare footnote markers and editorial
 * lines (责任编辑, 截稿). Footnotes that explain something are answers like any other.
 */
final class NotAnswers {
  private static final Pattern URL =
      Pattern.compile("(https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
  private static final Pattern BIBLIOGRAPHY =
      Pattern.compile(
          "^[①-⑳]?\\s*("
              + "\\p{IsHan}{1,6}(等)?\\s*[:：]\\s*《"
              + "|《[^》]{2,80}》\\s*[,，.。]?\\s*(载|见|https?://|第\\s*\\d|\\d{4}\\s*年)"
              + ")|[,，]\\s*载\\s*《|出版社\\s*[,，]?\\s*\\d{4}|\\d{4}\\s*年\\s*第\\s*\\d+\\s*期|第\\s*\\d+\\s*[-—–]\\s*\\d+\\s*页|^[①-⑳]?\\s*同[①-⑳]");
  private static final Pattern CONTENTS =
      Pattern.compile("(\\.{4,}|…{2,}|·{4,}|-{4,})\\s*\\d+\\s*$");
  private static final Pattern EDITORIAL = Pattern.compile("(责任编辑|截稿|收稿日期|DOI|中图分类号|文献标识码|文章编号)");

  /** Fewer letters than this is a fragment (a marker, a page number), not a statement. */
  private static final int MIN_LETTERS = 6;

  private NotAnswers() {}

  /** Why the sentence is not an answer, or null when it may be one. */
  static String reason(String sentence) {
    String s = sentence.strip();
    if (URL.matcher(s).find()) {
      return "url";
    }
    if (BIBLIOGRAPHY.matcher(s).find()) {
      return "bibliography";
    }
    if (CONTENTS.matcher(s).find()) {
      return "contents";
    }
    if (s.codePoints().filter(Character::isLetterOrDigit).count() < MIN_LETTERS) {
      return "fragment";
    }
    if (EDITORIAL.matcher(s).find() && s.length() < 80) {
      return "editorial";
    }
    return null;
  }

  static boolean isAnswer(String sentence) {
    return reason(sentence) == null;
  }

  /**
   * The sentence without a leading footnote marker (①…⑳), which is the note's number, not its text.
   */
  static int markerLength(String sentence) {
    int i = 0;
    while (i < sentence.length()
        && (sentence.charAt(i) >= '①' && sentence.charAt(i) <= '⑳'
            || Character.isWhitespace(sentence.charAt(i)))) {
      i++;
    }
    return i;
  }
}
