package io.github.wenda.retrieval.reader;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises numbered headings in any format: "2.7.9. 限制 APT 的下载带宽" (level = number of parts), "第3章
 * …" (1), "第2节 …" (2), "一、…" (1), "（一）…" (2).
 *
 * <p>A heading is short and does not end like a sentence; without that, a numbered list item ("1.
 * 运行 apt update。") or a version number at a line start would open a section. A single number
 * without a dot ("1 简介") counts only before a Han title of at most 20 characters, the way Chinese
 * reports number sub-sections.
 */
public final class NumberedHeading {
  private static final String CN = "[0-9一二三四五六七八九十百零〇两]+";
  private static final Pattern DOTTED =
      Pattern.compile("^(\\d{1,3}(?:\\.\\d{1,3})+)\\.?[\\s\\u3000]+(\\S.*)$");
  private static final Pattern SINGLE_DOT = Pattern.compile("^(\\d{1,2})\\.[\\s\\u3000]+(\\S.*)$");
  private static final Pattern SINGLE = Pattern.compile("^(\\d{1,2})[\\s\\u3000]+(\\p{IsHan}.*)$");
  private static final Pattern CHAPTER =
      Pattern.compile("^第[\\s\\u3000]*" + CN + "[\\s\\u3000]*([章篇部节条])[\\s\\u3000]*(\\S.*)?$");
  private static final Pattern CN_COMMA =
      Pattern.compile("^[一二三四五六七八九十]{1,3}[、．.][\\s\\u3000]*(\\S.*)$");
  private static final Pattern CN_PAREN =
      Pattern.compile("^[（(][一二三四五六七八九十]{1,3}[)）][\\s\\u3000]*(\\S.*)$");
  private static final int MAX_LENGTH = 60;

  private NumberedHeading() {}

  /** The heading level of this line if it is a numbered heading. */
  public static OptionalInt level(String line) {
    String t = line.strip();
    if (t.isEmpty() || t.length() > MAX_LENGTH || endsLikeSentence(t)) {
      return OptionalInt.empty();
    }
    Matcher m = DOTTED.matcher(t);
    if (m.matches() && startsTitle(m.group(2))) {
      return OptionalInt.of(Math.min(9, m.group(1).split("\\.").length));
    }
    m = SINGLE_DOT.matcher(t);
    if (m.matches() && startsTitle(m.group(2)) && t.length() <= 40) {
      return OptionalInt.of(1);
    }
    m = SINGLE.matcher(t);
    if (m.matches() && m.group(2).length() <= 20 && !hasInnerPunctuation(m.group(2))) {
      return OptionalInt.of(1);
    }
    m = CHAPTER.matcher(t);
    if (m.matches()) {
      return OptionalInt.of("节条".contains(m.group(1)) ? 2 : 1);
    }
    m = CN_COMMA.matcher(t);
    if (m.matches() && t.length() <= 40 && !hasInnerPunctuation(m.group(1))) {
      return OptionalInt.of(1);
    }
    m = CN_PAREN.matcher(t);
    if (m.matches() && t.length() <= 40 && !hasInnerPunctuation(m.group(1))) {
      return OptionalInt.of(2);
    }
    return OptionalInt.empty();
  }

  static boolean endsLikeSentence(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return "。！？!?；;，,：:、".indexOf(last) >= 0;
  }

  private static boolean startsTitle(String rest) {
    int cp = rest.codePointAt(0);
    return Character.isLetter(cp) || cp == '“' || cp == '《' || cp == '"';
  }

  private static boolean hasInnerPunctuation(String s) {
    return s.chars().anyMatch(c -> "。，；！？,;!?".indexOf(c) >= 0);
  }
}
