package io.github.wenda.bot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers the items of an enumeration from consecutive sentences of a passage (and the passages
 * after it): 一是…二是…, 第一…第二…, （1）…（2）…, 首先…其次…, or items after a colon joined by ；. Items are kept
 * verbatim; gathering stops at the stated count, at a gap in the numbering, or when the text moves
 * on.
 */
final class ListGatherer {
  private static final String CN = "一二三四五六七八九十";
  private static final Pattern MARKER =
      Pattern.compile(
          "^(?:([一二三四五六七八九十])是|第([一二三四五六七八九十])(?![次个届批期轮年天位名条项种大十])[，,、：:是]?|[（(]([1-9]|[一二三四五六七八九十])[）)]|([1-9])[.、)）](?!\\d)|(首先|其次|再次|最后|此外))");
  private static final Pattern COLON = Pattern.compile("[：:]");

  /** At most this many unmarked sentences may continue an item before gathering stops. */
  private static final int MAX_CONTINUATION = 2;

  private ListGatherer() {}

  /** One gathered item: the sentences (by index) it spans, in the passage of {@code part}. */
  record Item(int part, int firstSentence, int lastSentence, String text) {}

  /**
   * The list found from the sentence {@code from} on: a lead (the text before the first item, may
   * be empty) and items.
   */
  record Gathered(String lead, List<Item> items) {}

  /**
   * Gathers from {@code parts}: each part is a passage's sentences in order; the list starts in
   * part 0 at sentence {@code from} and may run on into the next parts.
   */
  static Optional<Gathered> gather(List<List<String>> parts, int from, int wanted) {
    List<String> first = parts.get(0);
    String start = first.get(from);
    // The lead sentence may hold the first item after its colon: 原因有四：一是…
    String lead = "";
    String firstItemText = start;
    Matcher colon = COLON.matcher(start);
    int n = number(start);
    if (n != 1 && colon.find()) {
      String after = start.substring(colon.end()).strip();
      if (number(after) == 1 || after.length() > 0 && n < 0) {
        lead = start.substring(0, colon.end());
        firstItemText = after;
        n = number(after);
      }
    }
    List<Item> items = new ArrayList<>();
    boolean numbered = n == 1;
    boolean semicolons = !numbered && !lead.isEmpty() && endsWithSemicolon(firstItemText);
    if (!numbered && !semicolons) {
      return Optional.empty();
    }
    items.add(new Item(0, from, from, firstItemText));
    int expect = 2;
    int continuation = 0;
    outer:
    for (int p = 0; p < parts.size(); p++) {
      List<String> sentences = parts.get(p);
      for (int i = p == 0 ? from + 1 : 0; i < sentences.size(); i++) {
        if (wanted > 0
            && items.size() >= wanted
            && (numbered || !endsWithSemicolon(items.get(items.size() - 1).text()))) {
          break outer;
        }
        String s = sentences.get(i);
        int k = number(s);
        if (numbered) {
          if (k == expect) {
            items.add(new Item(p, i, i, s));
            expect++;
            continuation = 0;
          } else if (k < 0
              && continuation < MAX_CONTINUATION
              && (wanted == 0 || items.size() < wanted)) {
            Item last = items.remove(items.size() - 1);
            items.add(new Item(last.part(), last.firstSentence(), i, last.text() + s));
            continuation++;
            if (last.part() != p) {
              break outer;
            }
          } else {
            break outer;
          }
        } else {
          Item last = items.get(items.size() - 1);
          if (!endsWithSemicolon(last.text())) {
            break outer;
          }
          items.add(new Item(p, i, i, s));
        }
      }
      if (!numbered) {
        break;
      }
    }
    if (items.size() < 2) {
      return Optional.empty();
    }
    return Optional.of(new Gathered(lead, items));
  }

  private static boolean endsWithSemicolon(String s) {
    String t = s.strip();
    return t.endsWith("；") || t.endsWith(";");
  }

  /** The item number a sentence opens with (一是 → 1, 第三 → 3, （2） → 2, 首先 → 1), or -1. */
  static int number(String sentence) {
    Matcher m = MARKER.matcher(sentence.strip());
    if (!m.find()) {
      return -1;
    }
    for (int g = 1; g <= 4; g++) {
      String v = m.group(g);
      if (v != null) {
        return Character.isDigit(v.charAt(0)) ? Integer.parseInt(v) : CN.indexOf(v.charAt(0)) + 1;
      }
    }
    return switch (m.group(5)) {
      case "首先" -> 1;
      case "其次" -> 2;
      case "再次" -> 3;
      default -> -1;
    };
  }

  /** Whether the sentence opens an enumeration or announces one before a colon. */
  static boolean startsList(String sentence) {
    if (number(sentence) == 1) {
      return true;
    }
    Matcher colon = COLON.matcher(sentence);
    if (colon.find()) {
      String after = sentence.substring(colon.end()).strip();
      return number(after) == 1 || endsWithSemicolon(after);
    }
    return false;
  }
}
