package io.github.wenda.retrieval.chunk;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.corpus.CleanDocument;
import io.github.wenda.retrieval.corpus.Segment;
import io.github.wenda.retrieval.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a cleaned document into passages of whole units: sentences of prose, and whole code blocks
 * and table rows while they fit.
 *
 * <p>Consecutive segments of the same kind and section are packed together, unit by unit, up to
 * {@code maxChars}; a passage never mixes body text with footnotes, code or tables, and never spans
 * two sections, so each passage can name where it comes from (and, for paged formats, the page it
 * starts on). A code block or table row that fits stays whole; a longer code block is cut between
 * lines. Contents lines are never made into passages: they list every heading, so they would match
 * almost any question and answer none. A sentence (or line) longer than the maximum on its own is
 * cut, preferably after a comma, and never inside a word, path, URL or identifier unless one alone
 * is longer than the maximum. The next passage repeats the previous one's last sentences while they
 * fit in {@code overlapChars}. A prose sentence ending in a colon stays with what it introduces: a
 * code block right after it joins its passage, and a passage that would end on it leaves it to the
 * next one. Each passage carries the match context of its first unit ({@link MatchContext}): the
 * caption and header row of the table it continues, the introduction of the list it continues.
 */
public final class Chunker {
  private static final String SOFT_BREAKS = "，,、：:";

  private final ChunkSettings settings;
  private final SentenceSplitter splitter = new SentenceSplitter();

  public Chunker(ChunkSettings settings) {
    this.settings = settings;
  }

  /**
   * A piece of text that is never split further, and the page it is on; {@code lead} when it is a
   * prose sentence ending in a colon ("请使用：", "例如："), which introduces what follows.
   */
  private record Unit(int start, int end, int page, boolean lead, String context) {
    Unit(int start, int end, int page, String context) {
      this(start, end, page, false, context);
    }
  }

  public List<Passage> chunk(String docId, String title, CleanDocument doc) {
    List<Passage> out = new ArrayList<>();
    List<Unit> run = new ArrayList<>();
    Segment runHead = null;
    String text = doc.text();
    List<String> contexts = MatchContext.of(doc);
    for (int si = 0; si < doc.segments().size(); si++) {
      Segment s = doc.segments().get(si);
      String context = contexts.get(si);
      if (s.kind() == SegmentKind.CONTENTS) {
        continue;
      }
      boolean introduced =
          runHead != null
              && runHead.kind() == SegmentKind.BODY
              && s.kind() == SegmentKind.CODE
              && s.section().equals(runHead.section())
              && !run.isEmpty()
              && run.get(run.size() - 1).lead();
      if (runHead != null
          && !introduced
          && (s.kind() != runHead.kind() || !s.section().equals(runHead.section()))) {
        pack(docId, title, runHead.section(), runHead.kind(), text, run, out);
        run.clear();
      }
      if (run.isEmpty()) {
        runHead = s;
      }
      boolean whole = s.kind() == SegmentKind.CODE || s.kind() == SegmentKind.TABLE;
      if (whole && s.end() - s.start() <= settings.maxChars()) {
        run.add(new Unit(s.start(), s.end(), s.page(), context));
      } else if (s.kind() == SegmentKind.CODE) {
        int lineStart = s.start();
        for (int i = s.start(); i <= s.end(); i++) {
          if (i == s.end() || text.charAt(i) == '\n') {
            if (i > lineStart && !text.substring(lineStart, i).isBlank()) {
              cutLong(text, lineStart, i, s.page(), context, run);
            }
            lineStart = i + 1;
          }
        }
      } else {
        for (int[] sentence : splitter.split(text, s.start(), s.end())) {
          cutLong(text, sentence[0], sentence[1], s.page(), context, run);
        }
        if (!run.isEmpty() && isLead(text, run.get(run.size() - 1))) {
          Unit last = run.remove(run.size() - 1);
          run.add(new Unit(last.start(), last.end(), last.page(), true, last.context()));
        }
      }
    }
    if (runHead != null && !run.isEmpty()) {
      pack(docId, title, runHead.section(), runHead.kind(), text, run, out);
    }
    return out;
  }

  private static boolean isLead(String text, Unit u) {
    String t = text.substring(u.start(), u.end()).strip();
    return t.endsWith("：") || t.endsWith(":");
  }

  private void cutLong(String text, int start, int end, int page, String context, List<Unit> into) {
    int max = settings.maxChars();
    while (end - start > max) {
      int cut = cutPoint(text, start, end, max);
      into.add(new Unit(start, cut, page, context));
      start = cut;
      while (start < end && text.charAt(start) == ' ') {
        start++;
      }
    }
    if (end > start) {
      into.add(new Unit(start, end, page, context));
    }
  }

  // After a comma in the second half; else at a word boundary, in the second half if there is one;
  // else at max.
  private static int cutPoint(String text, int start, int end, int max) {
    for (int i = start + max - 1; i > start + max / 2; i--) {
      char c = text.charAt(i);
      // An ASCII comma or colon is a break only before a space: "http:" and "a,b" are one token.
      if (SOFT_BREAKS.indexOf(c) >= 0
          && (c >= 0x80 || (i + 1 < end && text.charAt(i + 1) == ' '))) {
        return i + 1;
      }
    }
    int boundary = wordBoundary(text, start + max, start + max / 2);
    if (boundary < 0) {
      boundary =
          wordBoundary(text, start + max / 2, start); // a shorter passage rather than a cut word
    }
    if (boundary > start) {
      return boundary;
    }
    int cut = start + max;
    return Character.isLowSurrogate(text.charAt(cut))
        ? cut - 1
        : cut; // never split a surrogate pair
  }

  // The last place in (low, high] between two characters that do not belong to one word, or -1.
  private static int wordBoundary(String text, int high, int low) {
    for (int i = high; i > low; i--) {
      char a = text.charAt(i - 1);
      char b = text.charAt(i);
      if (Character.isLowSurrogate(b) || Character.isWhitespace(a)) {
        continue;
      }
      if (Character.isWhitespace(b) || !isWordChar(a) || !isWordChar(b)) {
        return i;
      }
    }
    return -1;
  }

  /** Characters of words, paths, URLs and identifiers, which a cut must not separate. */
  static boolean isWordChar(char c) {
    return (c < 0x80 && (Character.isLetterOrDigit(c) || "/\\._-~:?&=%#+@$".indexOf(c) >= 0))
        || (Character.isLetterOrDigit(c)
            && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
  }

  private void pack(
      String docId,
      String title,
      String section,
      SegmentKind kind,
      String text,
      List<Unit> units,
      List<Passage> out) {
    int i = 0;
    while (i < units.size()) {
      int first = i;
      int start = units.get(i).start();
      int end = units.get(i).end();
      i++;
      while (i < units.size() && units.get(i).end() - start <= settings.maxChars()) {
        end = units.get(i).end();
        i++;
      }
      if (i < units.size() && i - 1 > first && units.get(i - 1).lead()) {
        // The sentence that introduces a command or list opens the next passage, beside what it
        // introduces.
        i--;
        end = units.get(i - 1).end();
      }
      out.add(
          new Passage(
              docId,
              title,
              section,
              kind,
              out.size(),
              start,
              end,
              text.substring(start, end),
              units.get(first).page(),
              units.get(first).context()));
      if (i < units.size() && settings.overlapChars() > 0) {
        int back = i;
        while (back - 1 > first
            && units.get(i - 1).end() - units.get(back - 1).start() <= settings.overlapChars()
            && units.get(i).end() - units.get(back - 1).start() <= settings.maxChars()) {
          back--;
        }
        i = back;
      }
    }
  }
}
