package io.github.wenda.bot.answer;

/**
 * Guesses the language of a question from its letters: Chinese when Han characters make up a fair
 * share of them, English when Latin letters dominate. Good enough to pick the reply language and to
 * notice a question in another language than the corpus.
 */
public final class Language {
  public static final String CHINESE = "zh";
  public static final String ENGLISH = "en";
  public static final String OTHER = "other";

  private Language() {}

  public static String detect(String text) {
    int han = 0;
    int latin = 0;
    int other = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN) {
        han++;
      } else if (script == Character.UnicodeScript.LATIN) {
        latin++;
      } else {
        other++;
      }
    }
    // Han characters carry a word each; Latin letters about a fifth of one.
    if (han > 0 && han * 5 >= latin + other * 2) {
      return CHINESE;
    }
    if (latin > other) {
      return ENGLISH;
    }
    return other > 0 ? OTHER : CHINESE;
  }
}
