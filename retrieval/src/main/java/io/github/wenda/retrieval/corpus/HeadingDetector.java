package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.text.InlineNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises numbered section headings and keeps the current heading path.
 *
 * <p>Chinese papers number sections "一　title", "(一)title" or "（一）title" and sub-sections "１ title".
 * Patterns run on the raw line because the ideographic space after "一" is what tells a heading from
 * a sentence starting with "一是…", and normalisation would remove it. A heading must be short and
 * must not end like a sentence, otherwise "(一)" at the start of a quoted list item would open a
 * section.
 */
final class HeadingDetector {
  private static final String CN_NUM = "[一二三四五六七八九十]{1,3}";
  private static final Pattern LEVEL1 =
      Pattern.compile("^(" + CN_NUM + ")[\\u3000 ]*\\u3000[\\u3000 ]*(\\S.*)$");
  private static final Pattern LEVEL2 =
      Pattern.compile("^([(（]" + CN_NUM + "[)）])[\\u3000 ]*(\\S.*)$");
  private static final Pattern LEVEL3 =
      Pattern.compile("^([0-9０-９]{1,2})[\\u3000 ]+(\\p{IsHan}.*)$");
  private static final Pattern MARKDOWN = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
  private static final int MAX_LENGTH = 40;
  private static final int MAX_LEVEL3_LENGTH = 20;

  private final List<String> path = new ArrayList<>();

  /** The numbered heading on this raw line, if it is one. */
  static Optional<Heading> detect(String rawLine) {
    String line = rawLine.strip();
    if (line.isEmpty() || line.length() > MAX_LENGTH + 6 || endsLikeSentence(line)) {
      return Optional.empty();
    }
    Matcher m = LEVEL1.matcher(line);
    if (m.matches() && m.group(2).length() <= MAX_LENGTH) {
      return Optional.of(new Heading(1, m.group(1) + " " + InlineNormalizer.display(m.group(2))));
    }
    m = LEVEL2.matcher(line);
    if (m.matches() && m.group(2).length() <= MAX_LENGTH) {
      return Optional.of(new Heading(2, InlineNormalizer.display(m.group(1) + m.group(2))));
    }
    m = LEVEL3.matcher(line);
    if (m.matches()
        && m.group(2).strip().length() <= MAX_LEVEL3_LENGTH
        && !hasPunctuation(m.group(2))) {
      return Optional.of(
          new Heading(
              3,
              InlineNormalizer.display(m.group(1)) + " " + InlineNormalizer.display(m.group(2))));
    }
    return Optional.empty();
  }

  /** A markdown "# title" heading; its level is the number of '#'. */
  static Optional<Heading> detectMarkdown(String rawLine) {
    Matcher m = MARKDOWN.matcher(rawLine.strip());
    return m.matches()
        ? Optional.of(new Heading(m.group(1).length(), InlineNormalizer.display(m.group(2))))
        : Optional.empty();
  }

  /**
   * An unnumbered title line ("新安全观与上合组织"): short, mostly Han, no punctuation other than quotes and
   * book-title marks. Callers decide from context whether such a line is a heading.
   */
  static boolean looksLikePlainTitle(String normalized) {
    if (normalized.isEmpty() || normalized.length() > 24 || hasPunctuation(normalized)) {
      return false;
    }
    long han = normalized.codePoints().filter(InlineNormalizer::isHan).count();
    return han >= 3 && han * 10 >= normalized.codePoints().count() * 7;
  }

  /** Enters a heading: replaces the heading at its level and forgets deeper ones. */
  void enter(Heading heading) {
    int level = Math.max(1, heading.level());
    while (path.size() >= level) {
      path.remove(path.size() - 1);
    }
    while (path.size() < level - 1) {
      path.add(null);
    }
    path.add(heading.text());
  }

  /** The current heading path joined with " / " ("" before the first heading). */
  String section() {
    return String.join(
        io.github.wenda.retrieval.api.Passage.SECTION_SEPARATOR,
        path.stream().filter(p -> p != null).toList());
  }

  static boolean endsLikeSentence(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return false;
    }
    char last = t.charAt(t.length() - 1);
    return "。！？!?ꎮ；;".indexOf(last) >= 0;
  }

  private static boolean hasPunctuation(String s) {
    return s.codePoints()
        .anyMatch(
            cp -> {
              if (cp == '“' || cp == '”' || cp == '《' || cp == '》' || cp == '«' || cp == '»'
                  || cp == '·' || cp == '‘' || cp == '’') {
                return false;
              }
              int t = Character.getType(cp);
              return t == Character.OTHER_PUNCTUATION
                  || t == Character.START_PUNCTUATION
                  || t == Character.END_PUNCTUATION
                  || t == Character.DASH_PUNCTUATION
                  || (cp >= 0xA000 && cp <= 0xA48F);
            });
  }
}
