package io.github.wenda.bot.answer.llm;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a text states, normalised so that the same quantity compares equal however it is
 * written: Arabic digits (full- or half-width, thousands separators), Chinese numerals (三十五, 二〇〇一,
 * 两), English number words (thirty-five), 万/亿 multipliers (19亿 = 十九亿), percentages (30%, 百分之三十, 30
 * per cent → {@code 30%}) and dates in any form (2001年6月15日, 2001-06-15, June 15, 2001 → 2001, 6,
 * 15). Used only for matching; quotes keep the source's characters.
 */
final class Numbers {
  private static final String CN_DIGITS = "零〇一二两三四五六七八九";
  private static final Pattern CN_RUN = Pattern.compile("[零〇一二两三四五六七八九十百千万亿]+");
  // A lone Chinese numeral is a number only when a measure word or unit follows (三个, 六国, 两次);
  // 一 alone is skipped: 统一, 一直, 进一步 are not quantities.
  private static final String MEASURES = "个年月日号次项名国位届条点家种周岁倍人轮批份所座大股方";
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})");
  private static final Pattern ARABIC =
      Pattern.compile(
          "(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(%|％|per ?cent|万|亿)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENGLISH =
      Pattern.compile(
          "\\b((?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
              + "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
              + "million|billion)(?:[\\s-]+(?:and[\\s-]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
              + "twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
              + "seventy|eighty|ninety|hundred|thousand|million|billion))*)\\b(\\s*(?:per ?cent|%))?",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern MONTH =
      Pattern.compile(
          "\\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
              + "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?",
          Pattern.CASE_INSENSITIVE);
  private static final Map<String, Long> WORDS =
      Map.ofEntries(
          Map.entry("zero", 0L),
          Map.entry("one", 1L),
          Map.entry("two", 2L),
          Map.entry("three", 3L),
          Map.entry("four", 4L),
          Map.entry("five", 5L),
          Map.entry("six", 6L),
          Map.entry("seven", 7L),
          Map.entry("eight", 8L),
          Map.entry("nine", 9L),
          Map.entry("ten", 10L),
          Map.entry("eleven", 11L),
          Map.entry("twelve", 12L),
          Map.entry("thirteen", 13L),
          Map.entry("fourteen", 14L),
          Map.entry("fifteen", 15L),
          Map.entry("sixteen", 16L),
          Map.entry("seventeen", 17L),
          Map.entry("eighteen", 18L),
          Map.entry("nineteen", 19L),
          Map.entry("twenty", 20L),
          Map.entry("thirty", 30L),
          Map.entry("forty", 40L),
          Map.entry("fifty", 50L),
          Map.entry("sixty", 60L),
          Map.entry("seventy", 70L),
          Map.entry("eighty", 80L),
          Map.entry("ninety", 90L));
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  private Numbers() {}

  /** Every number {@code text} states, normalised (see the class comment). */
  static Set<String> in(String text) {
    String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
    Set<String> out = new LinkedHashSet<>();
    s = chinese(s, out);
    s = english(s, out);
    Matcher d = DATE.matcher(s);
    s = d.replaceAll("$1 $2 $3");
    Matcher m = ARABIC.matcher(s);
    while (m.find()) {
      String digits = m.group(1).replace(",", "");
      String suffix = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
      if (suffix.equals("万") || suffix.equals("亿")) {
        out.add(
            plain(
                new java.math.BigDecimal(digits)
                    .multiply(
                        java.math.BigDecimal.valueOf(
                            suffix.equals("万") ? 10_000L : 100_000_000L))));
      } else if (!suffix.isEmpty()) {
        out.add(plain(new java.math.BigDecimal(digits)) + "%");
      } else {
        out.add(plain(new java.math.BigDecimal(digits)));
      }
    }
    return out;
  }

  private static String plain(java.math.BigDecimal d) {
    d = d.stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  // Converts Chinese numerals to Arabic in place so dates and units read the same either way.
  private static String chinese(String s, Set<String> out) {
    Matcher m = CN_RUN.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String run = m.group();
      boolean percent = m.start() >= 3 && s.startsWith("百分之", m.start() - 3);
      int after = m.end();
      boolean measured = after < s.length() && MEASURES.indexOf(s.charAt(after)) >= 0;
      boolean lone = run.length() == 1;
      if (lone && (run.equals("一") || !measured && !percent) || !numeric(run)) {
        m.appendReplacement(b, Matcher.quoteReplacement(run));
        continue;
      }
      long value = value(run);
      if (value < 0) {
        m.appendReplacement(b, Matcher.quoteReplacement(run));
        continue;
      }
      m.appendReplacement(b, Matcher.quoteReplacement(" " + value + (percent ? "%" : "") + " "));
    }
    m.appendTail(b);
    return b.toString().replace("百分之 ", " ");
  }

  private static boolean numeric(String run) {
    // 万一, 千万 (= by all means) and the like: units with no digit are not numbers.
    for (int i = 0; i < run.length(); i++) {
      if (CN_DIGITS.indexOf(run.charAt(i)) >= 0 || run.charAt(i) == '十') {
        return true;
      }
    }
    return false;
  }

  /** The value of a Chinese numeral: 三十五 = 35, 二〇〇一 = 2001, 十九亿 = 1900000000; -1 if malformed. */
  static long value(String run) {
    boolean units = run.chars().anyMatch(c -> "十百千万亿".indexOf(c) >= 0);
    if (!units) {
      long v = 0;
      for (int i = 0; i < run.length(); i++) {
        v = v * 10 + digit(run.charAt(i));
      }
      return v;
    }
    long total = 0;
    long section = 0;
    long number = 0;
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      int d = digit(c);
      if (d >= 0) {
        number = d;
        continue;
      }
      switch (c) {
        case '十' -> {
          section += (number == 0 ? 1 : number) * 10;
          number = 0;
        }
        case '百' -> {
          section += number * 100;
          number = 0;
        }
        case '千' -> {
          section += number * 1000;
          number = 0;
        }
        case '万' -> {
          total = (total + section + number) * 10_000;
          section = 0;
          number = 0;
        }
        case '亿' -> {
          total = (total + section + number) * 100_000_000;
          section = 0;
          number = 0;
        }
        default -> {
          return -1;
        }
      }
    }
    return total + section + number;
  }

  private static int digit(char c) {
    return switch (c) {
      case '零', '〇' -> 0;
      case '一' -> 1;
      case '二', '两' -> 2;
      case '三' -> 3;
      case '四' -> 4;
      case '五' -> 5;
      case '六' -> 6;
      case '七' -> 7;
      case '八' -> 8;
      case '九' -> 9;
      default -> -1;
    };
  }

  private static String english(String s, Set<String> out) {
    Matcher months = MONTH.matcher(s);
    StringBuilder b = new StringBuilder();
    while (months.find()) {
      String key = months.group(1).toLowerCase(Locale.ROOT).substring(0, 3);
      // "may" is usually the verb; take it as a month only before a day number.
      if (key.equals("may") && !s.substring(months.end()).matches("(?s)\\s*\\d{1,2}\\b.*")) {
        months.appendReplacement(b, Matcher.quoteReplacement(months.group()));
        continue;
      }
      int month = java.util.Arrays.asList(MONTHS).indexOf(key) + 1;
      months.appendReplacement(b, " " + month + " ");
    }
    months.appendTail(b);
    Matcher m = ENGLISH.matcher(b.toString());
    StringBuilder c = new StringBuilder();
    while (m.find()) {
      long v = englishValue(m.group(1));
      if (v < 0) {
        m.appendReplacement(c, Matcher.quoteReplacement(m.group()));
        continue;
      }
      m.appendReplacement(c, " " + v + (m.group(2) != null ? "%" : "") + " ");
    }
    m.appendTail(c);
    return c.toString();
  }

  private static long englishValue(String words) {
    long total = 0;
    long current = 0;
    boolean any = false;
    for (String w : words.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
      if (w.equals("and")) {
        continue;
      }
      Long small = WORDS.get(w);
      if (small != null) {
        current += small;
        any = true;
      } else if (w.equals("hundred")) {
        current = (current == 0 ? 1 : current) * 100;
        any = true;
      } else if (w.equals("thousand") || w.equals("million") || w.equals("billion")) {
        long unit =
            w.equals("thousand") ? 1_000L : w.equals("million") ? 1_000_000L : 1_000_000_000L;
        total += (current == 0 ? 1 : current) * unit;
        current = 0;
        any = true;
      }
    }
    return any ? total + current : -1;
  }
}
