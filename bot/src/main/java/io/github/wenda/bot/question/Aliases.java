package io.github.wenda.bot.question;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the documents themselves declare equal: {@code 上海合作组织（简称“上合组织”）}, {@code （以下简称“…”）}, and
 * abbreviations in parentheses ({@code 独立国家联合体（CIS）}). Mined once from the passages, never written
 * by hand, so another corpus brings its own. Either name of a pair finds the other when searching
 * and matching.
 */
public final class Aliases {
  // 简称 / 以下简称 / 下称 with or without quotes, inside or outside brackets: X（简称“Y”）, X，简称Y，
  private static final Pattern SHORT_NAME =
      Pattern.compile(
          "([\\p{IsHan}A-Za-z0-9·]{2,24})\\s*[（(]?\\s*(?:以下|下文)?(?:简称|下称|简写为|缩写为)(?:为)?\\s*[“\"「『‘]?([\\p{IsHan}A-Za-z0-9·]{2,12})[”\"」』’]?");
  // X（ABC） or X(ABC): an upper-case abbreviation of two to eight letters.
  private static final Pattern ABBREVIATION =
      Pattern.compile("([\\p{IsHan}·]{2,24})\\s*[（(]\\s*([A-Z][A-Z&-]{1,7})\\s*[）)]");

  /** Characters that end a noun phrase going backwards: the full name starts after them. */
  private static final String PHRASE_BREAKS = "的和与及、在同对是了于由将把为从向即称";

  private final Map<String, Set<String>> equal;

  private Aliases(Map<String, Set<String>> equal) {
    this.equal = equal;
  }

  public static Aliases none() {
    return new Aliases(Map.of());
  }

  /** Mines the pairs declared in these texts. */
  public static Aliases mine(Collection<String> texts) {
    Map<String, Set<String>> equal = new LinkedHashMap<>();
    for (String text : texts) {
      Matcher m = SHORT_NAME.matcher(text);
      while (m.find()) {
        String alias = m.group(2);
        fullName(m.group(1), alias).ifPresent(full -> pair(equal, full, alias));
      }
      Matcher a = ABBREVIATION.matcher(text);
      while (a.find()) {
        String full = afterBreak(a.group(1));
        if (full.length() >= 2) {
          pair(equal, full, a.group(2));
        }
      }
    }
    return new Aliases(equal);
  }

  /**
   * The full name a short name abbreviates: the shortest tail of the text before it that starts
   * with the short name's first character and holds its characters in order (上海合作组织 for 上合组织), so
   * 成立于2001年的上海合作组织 yields 上海合作组织.
   */
  static java.util.Optional<String> fullName(String before, String alias) {
    String run = afterBreak(before);
    for (int start = run.length() - alias.length(); start >= 0; start--) {
      String tail = run.substring(start);
      int end = tail.charAt(0) == alias.charAt(0) ? subsequenceEnd(alias, tail) : -1;
      // The name ends at the short name's last character: 独立国家联合体执行委员会协定 → …委员会.
      if (end > alias.length()) {
        return java.util.Optional.of(tail.substring(0, end));
      }
    }
    // A Latin short name (SCO) of a Chinese full name: take the phrase itself.
    if (alias.chars().allMatch(c -> c < 128) && run.length() >= 2) {
      return java.util.Optional.of(run);
    }
    return java.util.Optional.empty();
  }

  private static String afterBreak(String phrase) {
    int cut = -1;
    for (int i = 0; i < phrase.length(); i++) {
      if (PHRASE_BREAKS.indexOf(phrase.charAt(i)) >= 0 || Character.isDigit(phrase.charAt(i))) {
        cut = i;
      }
    }
    return phrase.substring(cut + 1);
  }

  /**
   * Where the characters of {@code shorter}, found in order in {@code longer}, end; -1 when they
   * are not all there.
   */
  private static int subsequenceEnd(String shorter, String longer) {
    int j = 0;
    for (int i = 0; i < longer.length(); i++) {
      if (longer.charAt(i) == shorter.charAt(j) && ++j == shorter.length()) {
        return i + 1;
      }
    }
    return -1;
  }

  private static void pair(Map<String, Set<String>> equal, String a, String b) {
    if (a.equals(b)) {
      return;
    }
    equal.computeIfAbsent(a, x -> new LinkedHashSet<>()).add(b);
    equal.computeIfAbsent(b, x -> new LinkedHashSet<>()).add(a);
  }

  /** The other names of every name that occurs in {@code text}, not already in it. */
  public List<String> of(String text) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : equal.entrySet()) {
      if (text.contains(e.getKey())) {
        for (String other : e.getValue()) {
          if (!text.contains(other) && !out.contains(other)) {
            out.add(other);
          }
        }
      }
    }
    return out;
  }

  /** Every pair, for explain: name → its other names. */
  public Map<String, Set<String>> pairs() {
    return java.util.Collections.unmodifiableMap(equal);
  }

  public int size() {
    return equal.size();
  }
}
