package io.github.wenda.retrieval.text;

import java.text.Normalizer;

/**
 * Normalises one run of text (a line, a paragraph or a user query) to one of two inline forms:
 * {@link #display} (what people read: the document's own characters) and {@link #normalize} (what
 * is indexed and matched: NFKC-folded).
 *
 * <p>Contract of both: never throws, runs in time linear in the input, returns a trimmed string
 * with no control characters, no zero-width characters, no lone surrogates, no Yi syllables and no
 * run of more than one space. Circled digits (①..⑳) survive unchanged because NFKC would turn them
 * into plain digits that glue onto neighbouring numbers.
 */
public final class InlineNormalizer {

  private InlineNormalizer() {}

  /**
   * Full-width forms that are the document's punctuation, not a wide rendering of ASCII: Chinese
   * prose writes "，：；（）？！～" full-width, and folding them (as NFKC does) makes quotes read like
   * sloppy typing. Other full-width forms (Ｌａｔｉｎ, ０-９, ／, ＿ …) are the PDF's wide glyphs for ASCII
   * and read the same folded, so display text folds them and URLs stay whole.
   */
  private static final String KEPT_FULL_WIDTH = "，：；（）？！～";

  /**
   * ASCII marks that, between two CJK characters, are the extractor's half-width form of the
   * full-width mark.
   */
  private static final String HALF_WIDTH_CJK_MARKS = ",:;";

  private static final String FULL_WIDTH_CJK_MARKS = "，：；";

  /** The match form: NFKC, so full-width marks, digits and Latin letters become ASCII. */
  public static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String mapped = mapCodePoints(text);
    String nfkc = nfkcKeepingCircledDigits(mapped);
    return collapseSpaces(nfkc);
  }

  /**
   * The display form: the same clean-up (Yi syllables decoded, invisible characters dropped, spaces
   * collapsed by the same rules) but the document's punctuation kept: only full-width Latin
   * letters, digits and ASCII symbols are folded, "…" stays "…", and an ASCII ",:;" between two CJK
   * characters becomes the full-width mark the printed page shows.
   */
  public static String display(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String mapped = mapCodePoints(text);
    String folded = foldWideAscii(mapped);
    return restoreFullWidthMarks(collapseSpaces(folded));
  }

  /** The display form's characters without its space rules, for callers that split on spaces. */
  public static String displayCharacters(String text) {
    return text == null ? "" : foldWideAscii(mapCodePoints(text));
  }

  private static String foldWideAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0xFF01 && cp <= 0xFF5E && KEPT_FULL_WIDTH.indexOf(cp) < 0) {
        out.append((char) (cp - 0xFF01 + '!'));
      } else if ((cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F)) {
        // CJK compatibility ideographs look exactly like their unified forms; fold so copies match.
        out.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
      } else {
        out.appendCodePoint(cp);
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  private static String restoreFullWidthMarks(String text) {
    StringBuilder out = null;
    for (int i = 1; i + 1 < text.length(); i++) {
      int k = HALF_WIDTH_CJK_MARKS.indexOf(text.charAt(i));
      if (k >= 0 && isCjkAt(text, i - 1, true) && isCjkAt(text, i + 1, false)) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, FULL_WIDTH_CJK_MARKS.charAt(k));
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isCjkAt(String text, int index, boolean before) {
    int cp = before ? text.codePointBefore(index + 1) : text.codePointAt(index);
    return isCjk(cp);
  }

  /** Circled digits ①..⑳ (U+2460..U+2473), the footnote markers of Chinese academic PDFs. */
  public static boolean isCircledDigit(int cp) {
    return cp >= 0x2460 && cp <= 0x2473;
  }

  /**
   * Maps Yi syllables that some PDF fonts produce for GB2312 punctuation, drops invisible
   * characters and lone surrogates, and turns line breaks and tabs into spaces.
   */
  private static String mapCodePoints(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      i++;
      if (Character.isSurrogate(c)) {
        continue; // lone surrogate: not text, and Normalizer would mangle it
      }
      if (c >= 0xA000 && c <= 0xA48F) {
        String p = YiPunctuation.map(c);
        out.append(p);
        continue;
      }
      if (c == '\n'
          || c == '\r'
          || c == '\t'
          || c == '\u000B'
          || c == '\f'
          || c == '\u0085'
          || c == '\u2028'
          || c == '\u2029') {
        out.append(' ');
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.CONTROL
          || type == Character.FORMAT
          || c == '\uFFFD'
          || c == '\uFFFE'
          || c == '\uFFFF') {
        continue; // zero-width space/joiners, BOM, bidi marks, C0/C1 controls
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String nfkcKeepingCircledDigits(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int chunkStart = 0;
    for (int i = 0; i < text.length(); i++) {
      if (isCircledDigit(text.charAt(i))) {
        out.append(Normalizer.normalize(text.substring(chunkStart, i), Normalizer.Form.NFKC));
        out.append(text.charAt(i));
        chunkStart = i + 1;
      }
    }
    out.append(Normalizer.normalize(text.substring(chunkStart), Normalizer.Form.NFKC));
    return out.toString();
  }

  /**
   * Collapses whitespace runs to one space, then drops the space where Chinese typesetting has
   * none: next to a Han character or CJK punctuation unless the other side is a Latin letter
   * (Chinese text puts no spaces between words, but PDF extraction inserts them around digits).
   * Also drops spaces before closing and after opening ASCII punctuation and inside "64 / 183".
   */
  private static String collapseSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        int j = i;
        while (j < n
            && (Character.isWhitespace(text.codePointAt(j))
                || Character.isSpaceChar(text.codePointAt(j)))) {
          j += Character.charCount(text.codePointAt(j));
        }
        if (out.length() > 0 && j < n) {
          int left = out.codePointBefore(out.length());
          int right = text.codePointAt(j);
          int beforeLeft =
              out.length() > Character.charCount(left)
                  ? out.codePointBefore(out.length() - Character.charCount(left))
                  : ' ';
          boolean foldedCjkPunctuation =
              ",;:".indexOf(left) >= 0 && isCjk(beforeLeft) && !isLatinLetter(right);
          if (!foldedCjkPunctuation && keepSpace(left, right, text, j)) {
            out.append(' ');
          }
        }
        i = j;
        continue;
      }
      out.appendCodePoint(cp);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static boolean keepSpace(int left, int right, String text, int rightIndex) {
    boolean leftCjk = isCjk(left);
    boolean rightCjk = isCjk(right);
    if ((leftCjk || rightCjk) && !isLatinLetter(left) && !isLatinLetter(right)) {
      return false;
    }
    if (",;:!?)%]}".indexOf(right) >= 0) {
      return false; // "44% ," and "foo ;"; a space before '.' is kept to leave URLs alone
    }
    if ("([{".indexOf(left) >= 0) {
      return false;
    }
    if (right == '/' && Character.isDigit(left)) {
      int k = rightIndex + 1;
      while (k < text.length() && text.charAt(k) == ' ') {
        k++;
      }
      return !(k < text.length() && Character.isDigit(text.charAt(k)));
    }
    if (left == '/' && Character.isDigit(right) && isDigitSlash(text, rightIndex)) {
      return false;
    }
    return true;
  }

  /** True when the '/' before {@code rightIndex} has a digit before it: "64 / 183". */
  private static boolean isDigitSlash(String text, int rightIndex) {
    int k = rightIndex - 1;
    while (k >= 0 && text.charAt(k) == ' ') {
      k--;
    }
    if (k < 0 || text.charAt(k) != '/') {
      return false;
    }
    k--;
    while (k >= 0 && text.charAt(k) == ' ') {
      k--;
    }
    return k >= 0 && Character.isDigit(text.charAt(k));
  }

  public static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /** Han, kana, and CJK or full-width punctuation, including the curly quotes Chinese uses. */
  public static boolean isCjk(int cp) {
    if (isHan(cp)) {
      return true;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) {
      return true;
    }
    return (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF01 && cp <= 0xFF65)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || cp == 0x201C
        || cp == 0x201D
        || cp == 0x2018
        || cp == 0x2019
        || cp == 0x2014
        || cp == 0x2026
        || cp == 0x00B7
        || isCircledDigit(cp);
  }

  private static boolean isLatinLetter(int cp) {
    return Character.isLetter(cp) && !isCjk(cp);
  }
}
