package io.github.wenda.bot.answer;

import io.github.wenda.bot.question.ExpectedType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an instance of a typed question's answer in a clause of normalised text: a date expression,
 * a number with its unit or measure word, a person's title with a name, a place after a locative
 * verb (or a file path or web address), an organisation by its head noun. The returned strength
 * says how specific the instance is (2001年6月15日 beats 2001年), so the more precise of two dated
 * sentences wins.
 */
final class TypeInstances {
  private static final String HAN = "\\p{IsHan}";
  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4}|[一二三四五六七八九〇零]{4})\\s*年(\\s*\\d{1,2}\\s*月(\\s*\\d{1,2}\\s*日)?)?"
              + "|\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|(19|20)\\d{2}[-/.]\\d{1,2}([-/.]\\d{1,2})?|(19|20)\\d{2}\\s+\\d{1,2}\\s+\\d{1,2}"
              + "|(?<!\\d)(19|20)\\d{2}(?!\\d)");
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![第\\d])(\\d+(\\.\\d+)?|[一二三四五六七八九十百千万亿两]+)\\s*(%|％|多|余)?\\s*(个|次|份|项|国|名|家|届|倍|种|条|位|人|亿|万|千|百|美元|元|公里|平方公里|天|小时|吨|枚|周年|年(?<!\\d{4}年)|批|轮|场|座|所)"
              // How often (多久办一次): 每年, 每两年, 每季度.
              + "|每[两三四五六七八九十\\d]*(年|个月|月|周|季度|天)"
              + "|\\d+(\\.\\d+)?\\s*(%|％)|\\d+\\s*/\\s*\\d+|[一二三四五六七八九十百]+分之[一二三四五六七八九十]+|百分之[\\d一二三四五六七八九十]+");
  private static final Pattern PERSON =
      Pattern.compile(
          "(主席|总统|总理|秘书长|部长|外长|大使|所长|院长|教授|研究员|书记|首脑|领导人|元首|外交家|总干事|执行主任|主任|会长)"
              + "(?!(的|在|与|和|是|为|会|应|不|作|之|们|理事会|会议|级|国))("
              + HAN
              + "{2,6}(·"
              + HAN
              + "{1,6})?)"
              + "|("
              + HAN
              + "{2,4})(?=(指出|强调|说道))"
              // A name before its title, where a clause starts (是习近平主席在…提出的).
              + "|(?<=^|[是由，,、“”\\s])("
              + HAN
              + "{2,3})(?=(主席|总统|总理|秘书长|外长|部长|大使|教授))"
              + "|("
              + HAN
              + "{2,4})\\s*[:：]\\s*《");
  private static final Pattern PLACE =
      Pattern.compile(
          "(设在|位于|常设|设于|落户|驻|在|于)(?!(会上|会议|此|这|其|该|各|上述|一|多|国际|框架|领域|方面|基础|过程|问题|实践|合作|发展|推动|维护|支持|加强|全球|地区|区域))("
              + HAN
              + "{2,8}?)(举行|召开|成立|签署|设立|宣告|启动|的|，|,|。|$)"
              + "|[（(]("
              + HAN
              + "{2,5})[）)]"
              + "|("
              + HAN
              + "{2,6}(市|省|州|岛|城))"
              // Where someone was when it happened: 访问非洲期间.
              + "|(访问|出访|视察|考察)("
              + HAN
              + "{2,6}?)(期间|时|之际)"
              // In technical documents where a thing is kept is a file or a web address
              // (/etc/papersize, ~/.dupload.conf, https://lists.debian.org/).
              + "|(?<![a-z0-9_.~/-])(?<path>(?:~?/)[a-z0-9_.+-]+(?:/[a-z0-9_.+*-]+)*/?"
              + "|https?://[a-z0-9_./%#?=&+~-]+)");
  private static final Pattern ORGANISATION =
      Pattern.compile(
          "("
              + HAN
              + "{2,20}(组织|机构|委员会|秘书处|办公室|中心|联盟|银行|研究院|研究所|大学|理事会|论坛|基金会|基金|联合体|共同体|协会|学会|出版社|部|院|署))");

  /**
   * A person named in Latin script, as technical documents name their authors and maintainers
   * (Donald Knuth, Javier Fernandez-Sanguino): two to four capitalised words, read in the display
   * text because the match form is lower-cased.
   */
  private static final Pattern LATIN_NAME =
      Pattern.compile("(?<![A-Za-z])[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}(?![A-Za-z])");

  private static final Pattern ANNIVERSARY = Pattern.compile("\\d+\\s*周年|[一二三四五六七八九十百]+周年");

  private TypeInstances() {}

  /** The instance found in {@code clause} (normalised text) with its strength 0..1. */
  record Instance(String text, double strength) {}

  /**
   * As {@link #find(ExpectedType, String)}, and for a person question also a name in Latin script
   * in {@code display}, the clause as the document writes it (less sure than a title with a name).
   */
  static Optional<Instance> find(ExpectedType type, String clause, String display) {
    Optional<Instance> found = find(type, clause);
    if (found.isPresent() || type != ExpectedType.PERSON) {
      return found;
    }
    Matcher m = LATIN_NAME.matcher(display);
    return m.find()
        ? Optional.of(new Instance(m.group().toLowerCase(java.util.Locale.ROOT), 0.7))
        : Optional.empty();
  }

  static Optional<Instance> find(ExpectedType type, String clause) {
    Pattern p =
        switch (type) {
          case DATE -> DATE;
          case NUMBER -> NUMBER;
          case PERSON -> PERSON;
          case PLACE -> PLACE;
          case ORGANISATION -> ORGANISATION;
          default -> null;
        };
    if (p == null) {
      return Optional.empty();
    }
    Instance best = null;
    Matcher m = p.matcher(clause);
    // "2021年是…成立20周年" dates an anniversary, not the event the question asks about.
    double anniversary =
        type == ExpectedType.DATE && ANNIVERSARY.matcher(clause).find() ? 0.5 : 1.0;
    while (m.find()) {
      Instance i = new Instance(text(type, m), anniversary * strength(type, m));
      if (best == null || i.strength() > best.strength()) {
        best = i;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The instance itself: for a place, the name without its locative verb or bracket. */
  private static String text(ExpectedType type, Matcher m) {
    if (type == ExpectedType.PLACE && m.group("path") != null) {
      return m.group("path");
    }
    if (type == ExpectedType.PLACE) {
      for (int g : new int[] {3, 5, 6, 9}) {
        if (m.group(g) != null) {
          return m.group(g);
        }
      }
    }
    return m.group();
  }

  private static double strength(ExpectedType type, Matcher m) {
    String s = m.group();
    if (type == ExpectedType.DATE) {
      if (s.contains("日")
          || s.matches(".*\\d{4}\\s+\\d{1,2}\\s+\\d{1,2}.*")
          || s.matches("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}")) {
        return 1.0;
      }
      return s.contains("月") ? 0.85 : 0.65;
    }
    if (type == ExpectedType.PLACE && m.group("path") != null) {
      // A file two folders deep or a web address names where, as surely as 在 does; a bare /var
      // less so.
      String path = m.group("path");
      return path.startsWith("http") || path.indexOf('/', 1) > 0 ? 0.85 : 0.6;
    }
    if (type == ExpectedType.PLACE) {
      // A locative verb names a place far more surely than a bracket or a suffix does.
      if (m.group(8) != null) {
        return 0.9;
      }
      return m.group(1) != null
          ? ("在".equals(m.group(1)) || "于".equals(m.group(1)) ? 0.85 : 1.0)
          : 0.6;
    }
    return 1.0;
  }
}
