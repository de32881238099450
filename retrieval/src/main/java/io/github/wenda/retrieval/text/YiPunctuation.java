package io.github.wenda.retrieval.text;

/**
 * Maps Yi syllables (U+A000..U+A48F) back to the punctuation a broken PDF font meant.
 *
 * <p>Why this works: the affected fonts store GB2312 codes, and the extractor reads the two bytes
 * as a Unicode code point. GB2312 row 1 (0xA1xx) holds Chinese punctuation and row 3 (0xA3xx) holds
 * full-width ASCII, so U+A3AC is "，" (0xA3AC) and U+A3BB is "；". U+A3AE is the full-width full stop
 * "．", which these journals print where prose has "。", so it maps to "。". Any other Yi code point
 * is dropped: the corpus is Chinese, and a stray syllable is extraction noise.
 */
final class YiPunctuation {

  /** GB2312 row 1 (0xA1A1..0xA1FE) in order; '\0' marks codes with no useful mapping. */
  private static final String ROW1 =
      "\u3000、。·ˉˇ¨〃々—～‖…‘’“”〔〕〈〉《》「」『』〖〗【】±×÷∶∧∨∑∏∪∩∈∷√⊥∥∠⌒⊙∫∮≡≌≈∽∝≠≮≯≤≥∞∵∴♂♀°′″℃＄¤￠￡‰§№☆★○●◎◇◆□■△▲※→←↑↓〓";

  private YiPunctuation() {}

  static String map(char c) {
    if (c == 0xA3AE) {
      return "。";
    }
    if (c >= 0xA3A1 && c <= 0xA3FE) {
      return String.valueOf((char) (0xFF01 + (c - 0xA3A1)));
    }
    if (c >= 0xA1A1 && c <= 0xA1FE) {
      int k = c - 0xA1A1;
      return k < ROW1.length() ? String.valueOf(ROW1.charAt(k)) : "";
    }
    return "";
  }
}
