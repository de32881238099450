package io.github.wenda.retrieval.chunk;

import io.github.wenda.retrieval.corpus.CleanDocument;
import io.github.wenda.retrieval.corpus.Segment;
import io.github.wenda.retrieval.corpus.SegmentKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a cleaned document into passages of whole sentences.
 *
 * <p>Consecutive segments of the same kind and section are packed together, sentence by sentence,
 * up to {@code maxChars}; a passage never mixes body text with footnotes or tables, and never
 * spans two sections, so each passage can name where it comes from. A sentence longer than the
 * maximum on its own is cut, preferably after a comma. The next passage repeats the previous
 * one's last sentences while they fit in {@code overlapChars}.
 */
public final class Chunker {
  private static final String SOFT_BREAKS = "，,、：:";

  private final ChunkSettings settings;
  private final SentenceSplitter splitter = new SentenceSplitter();

  public Chunker(ChunkSettings settings) {
    this.settings = settings;
  }

  public List<Passage> chunk(String docId, String title, CleanDocument doc) {
    List<Passage> out = new ArrayList<>();
    List<int[]> run = new ArrayList<>();
    Segment runHead = null;
    for (Segment s : doc.segments()) {
      if (runHead != null && (s.kind() != runHead.kind() || !s.section().equals(runHead.section()))) {
        pack(docId, title, runHead.section(), runHead.kind(), doc.text(), run, out);
        run.clear();
      }
      if (run.isEmpty()) {
        runHead = s;
      }
      for (int[] sentence : splitter.split(doc.text(), s.start(), s.end())) {
        cutLong(doc.text(), sentence, run);
      }
    }
    if (runHead != null) {
      pack(docId, title, runHead.section(), runHead.kind(), doc.text(), run, out);
    }
    return out;
  }

  private void cutLong(String text, int[] sentence, List<int[]> into) {
    int start = sentence[0];
    int end = sentence[1];
    int max = settings.maxChars();
    while (end - start > max) {
      int cut = start + max;
      for (int i = start + max - 1; i > start + max / 2; i--) {
        if (SOFT_BREAKS.indexOf(text.charAt(i)) >= 0) {
          cut = i + 1;
          break;
        }
      }
      if (Character.isLowSurrogate(text.charAt(cut))) {
        cut--; // never split a surrogate pair
      }
      into.add(new int[] {start, cut});
      start = cut;
    }
    if (end > start) {
      into.add(new int[] {start, end});
    }
  }

  private void pack(
      String docId, String title, String section, SegmentKind kind, String text, List<int[]> sentences, List<Passage> out) {
    int i = 0;
    while (i < sentences.size()) {
      int first = i;
      int start = sentences.get(i)[0];
      int end = sentences.get(i)[1];
      i++;
      while (i < sentences.size() && sentences.get(i)[1] - start <= settings.maxChars()) {
        end = sentences.get(i)[1];
        i++;
      }
      out.add(new Passage(docId, title, section, kind, out.size(), start, end, text.substring(start, end)));
      if (i < sentences.size() && settings.overlapChars() > 0) {
        int back = i;
        while (back - 1 > first
            && sentences.get(i - 1)[1] - sentences.get(back - 1)[0] <= settings.overlapChars()
            && sentences.get(i)[1] - sentences.get(back - 1)[0] <= settings.maxChars()) {
          back--;
        }
        i = back;
      }
    }
  }
}
