package io.github.wenda.bot.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits Telegram HTML into messages of at most {@code limit} characters, each valid on its own: a
 * cut never falls inside a tag, an entity or a surrogate pair, tags open at a cut are closed before
 * it and reopened (with their attributes) after it. Cuts prefer a paragraph break, then a line
 * break, then a sentence end, then a space, in the later half of a part.
 *
 * <p>Length is counted on the HTML source, which is never shorter than the text Telegram counts
 * against its 4096 limit, so the parts are always accepted.
 */
final class MessageSplitter {
  static final int TELEGRAM_LIMIT = 4096;

  private final int limit;

  MessageSplitter(int limit) {
    if (limit < 200) {
      throw new IllegalArgumentException("limit must be >= 200, but is: " + limit);
    }
    this.limit = limit;
  }

  MessageSplitter() {
    this(TELEGRAM_LIMIT);
  }

  /** An atom: a tag, an entity or one code point; {@code open}/{@code close} name a tag. */
  private record Atom(String text, String open, String close) {}

  private record Break(int length, int atom, int rank, List<String[]> stack) {}

  List<String> split(String html) {
    if (html.length() <= limit) {
      return html.isBlank() ? List.of() : List.of(html);
    }
    List<Atom> atoms = atoms(html);
    List<String> parts = new ArrayList<>();
    Deque<String[]> stack = new ArrayDeque<>(); // {name, full open tag}
    int i = 0;
    while (i < atoms.size()) {
      StringBuilder part = new StringBuilder();
      for (var it = stack.descendingIterator(); it.hasNext(); ) {
        part.append(it.next()[1]);
      }
      int start = i;
      Break best = null;
      boolean full = false;
      while (i < atoms.size()) {
        Atom a = atoms.get(i);
        if (i == start
            && stack.isEmpty()
            && a.open == null
            && a.close == null
            && a.text.isBlank()) {
          i++;
          start = i;
          continue; // no part starts with whitespace
        }
        Deque<String[]> after = new ArrayDeque<>(stack);
        apply(after, a);
        if (part.length() + a.text.length() + closingLength(after) > limit && i > start) {
          full = true;
          break;
        }
        part.append(a.text);
        stack = after;
        i++;
        int rank = rank(atoms, i);
        if (rank > 0 && (best == null || rank >= best.rank || best.length < limit / 2)) {
          best = new Break(part.length(), i, rank, new ArrayList<>(stack));
        }
      }
      if (full && best != null && best.length >= limit / 2) {
        part.setLength(best.length);
        stack = new ArrayDeque<>(best.stack);
        i = best.atom;
      }
      String text = part + closeTags(stack);
      if (!visible(text).isBlank()) {
        parts.add(text.strip());
      }
    }
    return parts;
  }

  private static void apply(Deque<String[]> stack, Atom a) {
    if (a.open != null) {
      stack.push(new String[] {a.open, a.text});
    } else if (a.close != null && !stack.isEmpty() && stack.peek()[0].equals(a.close)) {
      stack.pop();
    }
  }

  private static String closeTags(Iterable<String[]> stack) {
    StringBuilder b = new StringBuilder();
    for (String[] t : stack) {
      b.append("</").append(t[0]).append('>');
    }
    return b.toString();
  }

  private static int closingLength(Deque<String[]> stack) {
    int n = 0;
    for (String[] t : stack) {
      n += t[0].length() + 3;
    }
    return n;
  }

  /** How good a cut before atom {@code i} is: 4 paragraph, 3 line, 2 sentence, 1 space, 0 none. */
  private static int rank(List<Atom> atoms, int i) {
    if (i <= 0 || i >= atoms.size()) {
      return 0;
    }
    String prev = atoms.get(i - 1).text;
    String prev2 = i >= 2 ? atoms.get(i - 2).text : "";
    if (prev.equals("\n")) {
      return prev2.equals("\n") ? 4 : 3;
    }
    if ("。！？；".contains(prev) && prev.length() == 1) {
      return 2;
    }
    String next = atoms.get(i).text;
    if (prev.equals(" ") && (prev2.equals(".") || prev2.equals("!") || prev2.equals("?"))) {
      return 2;
    }
    if (prev.equals(" ") || next.equals(" ")) {
      return 1;
    }
    return 0;
  }

  private static List<Atom> atoms(String html) {
    List<Atom> atoms = new ArrayList<>();
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        int end = html.indexOf('>', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed tag at " + i);
        }
        String tag = html.substring(i, end + 1);
        String inner = tag.substring(1, tag.length() - 1).strip();
        if (inner.startsWith("/")) {
          atoms.add(new Atom(tag, null, inner.substring(1).strip()));
        } else {
          String name = inner.split("[\\s/]", 2)[0];
          atoms.add(new Atom(tag, name, null));
        }
        i = end + 1;
      } else if (c == '&') {
        int end = html.indexOf(';', i);
        if (end < 0 || end - i > 10) {
          throw new IllegalArgumentException("bare & at " + i);
        }
        atoms.add(new Atom(html.substring(i, end + 1), null, null));
        i = end + 1;
      } else {
        int n = Character.charCount(html.codePointAt(i));
        atoms.add(new Atom(html.substring(i, i + n), null, null));
        i += n;
      }
    }
    return atoms;
  }

  /** The text a reader sees: tags dropped (entities kept, they are visible characters). */
  static String visible(String html) {
    return html.replaceAll("<[^>]*>", "");
  }
}
