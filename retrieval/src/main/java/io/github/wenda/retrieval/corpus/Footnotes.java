package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.text.InlineNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises footnote lines and rebuilds footnote text.
 *
 * <p>Footnotes are recognised by what citations look like, not by position, because the extractor
 * puts a page's footnotes wherever the PDF stored them: after a page number, inside a sentence that
 * runs over the page, or with their markers lost. A citation has a URL, an "author: «title»"
 * opening, a "载《…》" source, a publisher, "年第 n 期", a page reference, or "同①".
 */
final class Footnotes {
  private static final Pattern CIRCLED_START = Pattern.compile("^([\\u2460-\\u2473])\\s*");
  private static final Pattern NUMBERED_START = Pattern.compile("^(\\d{1,2})\\u3000+");
  private static final Pattern MARKERS_ONLY = Pattern.compile("^[\\u2460-\\u2473\\s]+$");
  private static final Pattern AUTHOR_TITLE = Pattern.compile("^[\\p{IsHan}、·]{2,16}[:：]\\s*[«《]");
  private static final Pattern CITATION =
      Pattern.compile(
          "https?:|www|载《|出版社|年第\\s*\\d+\\s*期|第\\s*\\d+(?:\\s*[—-]\\s*\\d+)?\\s*页|^同[\\u2460-\\u2473]|/\\s*$|\\bhtml?\\b");
  private static final Pattern URL =
      Pattern.compile("https?\\s*[:：]\\s*/\\s*/\\s*[A-Za-z0-9 ._~\\-/%?#=&+:]*");
  private static final Pattern EXTENSION =
      Pattern.compile("\\s*\\.?\\s+(s?html?|php|aspx?|jsp|pdf)$");

  private Footnotes() {}

  /** A line holding only circled markers ("①", " ② "). */
  static boolean isMarkerLine(String normalized) {
    return !normalized.isEmpty() && MARKERS_ONLY.matcher(normalized).matches();
  }

  /**
   * A line that starts with its footnote marker: "① text", or "1　text" in reports that number
   * plainly.
   */
  static boolean startsWithMarker(PdfLine line, boolean numberedStyle) {
    return CIRCLED_START.matcher(line.text()).find()
        || numberedStyle && NUMBERED_START.matcher(line.text()).find();
  }

  /** Reads like a citation (URL, source, author:«title», …); takes a normalised line. */
  static boolean looksLikeCitation(String normalized) {
    return CITATION.matcher(normalized.toLowerCase(Locale.ROOT)).find()
        || AUTHOR_TITLE.matcher(normalized).find();
  }

  /** Within a footnote block, does this line open a new footnote rather than continue one? */
  static boolean startsNewItem(PdfLine previous, PdfLine line, boolean numberedStyle) {
    String n = line.normalized();
    if (previous == null
        || startsWithMarker(line, numberedStyle)
        || n.startsWith("«")
        || n.startsWith("《")
        || AUTHOR_TITLE.matcher(n).find()
        || n.matches("^同[\\u2460-\\u2473].*")
        || endsItem(previous.normalized())) {
      return true;
    }
    String p = previous.normalized();
    char last = p.isEmpty() ? ' ' : p.charAt(p.length() - 1);
    boolean previousEndsInUrl =
        last < 128
            && (Character.isLetterOrDigit(last) || last == '/')
            && (p.contains("http") || p.contains("www"));
    return previousEndsInUrl && !n.isEmpty() && InlineNormalizer.isHan(n.codePointAt(0));
  }

  /**
   * A footnote line that completes its footnote: ends in "。" or a file extension ("." may be inside
   * a URL).
   */
  static boolean endsItem(String normalized) {
    String n = normalized.strip();
    return n.endsWith("。") || n.matches(".*\\b(s?html?|php|pdf)$");
  }

  /** Splits a leading marker off a footnote's first line: {marker, rest}; marker "" if none. */
  static String[] splitMarker(String rawText, boolean numberedStyle) {
    Matcher m = CIRCLED_START.matcher(rawText);
    if (m.find()) {
      return new String[] {m.group(1), rawText.substring(m.end())};
    }
    m = NUMBERED_START.matcher(rawText);
    if (numberedStyle && m.find()) {
      return new String[] {m.group(1), rawText.substring(m.end())};
    }
    return new String[] {"", rawText};
  }

  /**
   * Normalises a footnote's joined lines and rebuilds URLs the extractor spread out ("https: / /
   * news un org / zh" becomes "https://news.un.org/zh"): the host lost its dots, so words before
   * the first slash are joined with dots, and spaces elsewhere in the URL are dropped.
   */
  static String text(String marker, List<String> rawLines) {
    String body = InlineNormalizer.display(String.join(" ", rawLines));
    return marker + repairUrls(body);
  }

  static String repairUrls(String s) {
    Matcher m = URL.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int last = 0;
    while (m.find()) {
      out.append(s, last, m.start());
      String url = m.group();
      String trailing = url.substring(url.stripTrailing().length());
      out.append(rebuildUrl(url.strip())).append(trailing.isEmpty() ? "" : " ");
      last = m.end();
    }
    out.append(s.substring(last));
    return out.toString().strip();
  }

  private static String rebuildUrl(String url) {
    // Display text keeps a full-width colon, which some PDFs print after the scheme.
    int colon = url.indexOf(':') >= 0 ? url.indexOf(':') : url.indexOf('：');
    String scheme = url.substring(0, colon).strip();
    String rest = url.substring(colon + 1).strip();
    rest = rest.replaceFirst("^/\\s*/\\s*", "");
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    host =
        host.strip()
            .replaceAll("\\s*-\\s*", "-")
            .replaceAll("\\s+", ".")
            .replaceAll("\\.{2,}", ".")
            .replace("-.", "-");
    path = EXTENSION.matcher(path).replaceFirst(".$1");
    path = path.replaceAll("\\s+", "");
    return scheme + "://" + host + path;
  }
}
