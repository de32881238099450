package io.github.wenda.retrieval.chunk;

import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.corpus.CleanDocument;
import io.github.wenda.retrieval.corpus.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The match context of each segment of a document: what a passage starting there is also found by
 * (see {@link io.github.wenda.retrieval.api.Passage#context()}).
 *
 * <p>A table row is read under its table's caption ("表 2.6. 使用 apt(8)… 的命令行基本软件包管理操作", "Table 11.2:
 * 编码值和用法的列表") and, after the first row, under the column header row ("编码值 | 用法"): a question asks
 * for "编码" or "命令行操作", words the caption and header state once for all rows. Whether a document
 * sets its captions above its tables (HTML, Word) or below them (LaTeX PDFs) is decided by the
 * document itself, by where most of its captions sit, so one table never takes the caption of the
 * next. A list item is read under the sentence that introduces its list ("主机名还能够通过组播 DNS 进行解析。"),
 * the paragraph right before the first item.
 */
final class MatchContext {
  /** A table or figure caption: "表 2.6.", "Table 11.2:", "图 3 …". */
  private static final Pattern CAPTION =
      Pattern.compile("^(?:表|Table|图|Figure)\\s*\\d+(?:[.．]\\d+)*\\s*[.:：．]?\\s*\\S.*");

  /** Longer introductions are cut to their last characters: the sentence nearest the list. */
  static final int MAX_INTRO_CHARS = 160;

  private MatchContext() {}

  /** One context per segment of {@code doc}, "" where there is none. */
  static List<String> of(CleanDocument doc) {
    List<Segment> segs = doc.segments();
    List<String> out = new ArrayList<>(segs.size());
    boolean captionsAbove = captionsAbove(doc);
    String caption = "";
    String header = "";
    String intro = "";
    for (int i = 0; i < segs.size(); i++) {
      Segment s = segs.get(i);
      Segment prev = i > 0 ? segs.get(i - 1) : null;
      boolean sameSection = prev != null && prev.section().equals(s.section());
      if (s.kind() == SegmentKind.TABLE) {
        boolean first = prev == null || prev.kind() != SegmentKind.TABLE || !sameSection;
        if (first && CAPTION.matcher(doc.textOf(s)).matches()) {
          // An HTML <caption>, read as the table's first row: the header row comes next.
          caption = doc.textOf(s);
          header = "";
          out.add("");
        } else if (first) {
          header = doc.textOf(s);
          caption = tableCaption(doc, i, captionsAbove);
          out.add(caption);
        } else if (header.isEmpty()) {
          header = doc.textOf(s);
          out.add(caption);
        } else {
          out.add(join(caption, header));
        }
        continue;
      }
      if (s.kind() == SegmentKind.BODY && s.listItem()) {
        if (prev == null || !sameSection || !(prev.kind() == SegmentKind.BODY)) {
          intro = "";
        } else if (!prev.listItem()) {
          intro = tail(doc.textOf(prev));
        }
        out.add(intro);
        continue;
      }
      out.add("");
    }
    return out;
  }

  /** The caption of the table whose first row is segment {@code first}, or "". */
  private static String tableCaption(CleanDocument doc, int first, boolean captionsAbove) {
    List<Segment> segs = doc.segments();
    Segment row = segs.get(first);
    if (captionsAbove) {
      Segment before = first > 0 ? segs.get(first - 1) : null;
      return before != null && isCaption(doc, before) && before.section().equals(row.section())
          ? doc.textOf(before)
          : "";
    }
    int after = first;
    while (after < segs.size()
        && segs.get(after).kind() == SegmentKind.TABLE
        && segs.get(after).section().equals(row.section())) {
      after++;
    }
    return after < segs.size()
            && isCaption(doc, segs.get(after))
            && segs.get(after).section().equals(row.section())
        ? doc.textOf(segs.get(after))
        : "";
  }

  /**
   * Whether the document's table captions sit above their tables: more captions come right before a
   * table row than right after one.
   */
  private static boolean captionsAbove(CleanDocument doc) {
    List<Segment> segs = doc.segments();
    int above = 0;
    int below = 0;
    for (int i = 0; i < segs.size(); i++) {
      if (isCaption(doc, segs.get(i))) {
        if (i + 1 < segs.size() && segs.get(i + 1).kind() == SegmentKind.TABLE) {
          above++;
        }
        if (i > 0 && segs.get(i - 1).kind() == SegmentKind.TABLE) {
          below++;
        }
      }
    }
    return above >= below;
  }

  private static boolean isCaption(CleanDocument doc, Segment s) {
    return s.kind() == SegmentKind.BODY
        && s.end() - s.start() <= 200
        && CAPTION.matcher(doc.textOf(s)).matches();
  }

  private static String tail(String intro) {
    String t = intro.strip();
    if (t.length() <= MAX_INTRO_CHARS) {
      return t;
    }
    int from = t.length() - MAX_INTRO_CHARS;
    // From the first sentence that starts inside the last MAX_INTRO_CHARS, when there is one.
    for (int i = from; i < t.length() - 1; i++) {
      if ("。！？；!?;".indexOf(t.charAt(i)) >= 0) {
        return t.substring(i + 1).strip();
      }
    }
    if (Character.isLowSurrogate(t.charAt(from))) {
      from++;
    }
    return t.substring(from);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b;
  }
}
