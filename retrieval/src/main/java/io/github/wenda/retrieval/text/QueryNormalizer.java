package io.github.wenda.retrieval.text;

/**
 * Puts a question into the form the passages are matched in ({@link MatchText}: NFKC, then
 * Traditional→Simplified folding), so 上合組織 finds 上合组织. Over-long questions are cut to {@link
 * #MAX_CHARS}: no real question is longer, and it bounds the work one question can cause.
 */
public final class QueryNormalizer {
  public static final int MAX_CHARS = 1000;

  public String normalize(String question) {
    String q = question.length() > MAX_CHARS * 4 ? question.substring(0, MAX_CHARS * 4) : question;
    q = MatchText.of(q);
    if (q.length() > MAX_CHARS) {
      int cut = MAX_CHARS;
      if (Character.isHighSurrogate(q.charAt(cut - 1))) {
        cut--;
      }
      q = q.substring(0, cut);
    }
    return q;
  }
}
