package io.github.wenda.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sums the votes in a feedback log per cited passage and per question, for the operator. A user who
 * votes twice on one answer counts once, with the last vote. Lines that are not a whole vote (a
 * torn last line after a crash, invalid UTF-8, {@code null}, {@code {}}, a null passage) are
 * counted and skipped: one bad line never hides the others.
 */
public final class FeedbackSummary {
  /**
   * Votes on one thing: a passage ({@code key} docId#ordinal) or a question (key = the question).
   */
  public record Tally(String key, String label, int up, int down) {
    int total() {
      return up + down;
    }
  }

  /** The summary; lists are sorted most-disliked first. */
  public record Summary(int votes, int skippedLines, List<Tally> passages, List<Tally> questions) {}

  private FeedbackSummary() {}

  public static Summary read(Path file) {
    if (!Files.exists(file)) {
      return new Summary(0, 0, List.of(), List.of());
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, FeedbackLog.Vote> last = new LinkedHashMap<>();
    int skipped = 0;
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        continue;
      }
      Optional<FeedbackLog.Vote> v = Optional.empty();
      boolean blank = true;
      try {
        // Strict per line: a line with invalid bytes is skipped, not decoded into a wrong vote.
        String line =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, i - start))
                .toString();
        blank = line.isBlank();
        v = blank ? Optional.empty() : vote(json, line);
      } catch (CharacterCodingException e) {
        blank = false;
      }
      start = i + 1;
      if (blank) {
        continue;
      }
      if (v.isEmpty()) {
        skipped++;
        continue;
      }
      String key = v.get().answerId() + "/" + v.get().userId();
      last.remove(key); // keep insertion order of the latest vote
      last.put(key, v.get());
    }
    Map<String, int[]> byPassage = new LinkedHashMap<>();
    Map<String, String> passageLabel = new LinkedHashMap<>();
    Map<String, int[]> byQuestion = new LinkedHashMap<>();
    for (FeedbackLog.Vote v : last.values()) {
      int i = "up".equals(v.vote()) ? 0 : 1;
      byQuestion.computeIfAbsent(v.question(), k -> new int[2])[i]++;
      for (FeedbackLog.Source s :
          v.passages() == null ? List.<FeedbackLog.Source>of() : v.passages()) {
        String key = s.docId() + "#" + s.ordinal();
        byPassage.computeIfAbsent(key, k -> new int[2])[i]++;
        passageLabel.put(
            key,
            (s.title() == null ? s.docId() : s.title())
                + (s.section() == null || s.section().isEmpty() ? "" : " · " + s.section()));
      }
    }
    return new Summary(
        last.size(), skipped, tallies(byPassage, passageLabel), tallies(byQuestion, Map.of()));
  }

  /**
   * The vote on this line, when it is a whole one: an answer id, "up" or "down", a question,
   * passages without holes.
   */
  private static Optional<FeedbackLog.Vote> vote(ObjectMapper json, String line) {
    FeedbackLog.Vote v;
    try {
      v = json.readValue(line, FeedbackLog.Vote.class);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (v == null
        || v.answerId() == null
        || v.question() == null
        || !("up".equals(v.vote()) || "down".equals(v.vote()))
        || v.passages() != null
            && v.passages().stream().anyMatch(p -> p == null || p.docId() == null)) {
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private static List<Tally> tallies(Map<String, int[]> counts, Map<String, String> labels) {
    List<Tally> out = new ArrayList<>();
    counts.forEach((k, c) -> out.add(new Tally(k, labels.getOrDefault(k, k), c[0], c[1])));
    out.sort(
        Comparator.comparingInt(Tally::down)
            .reversed()
            .thenComparing(Comparator.comparingInt(Tally::total).reversed()));
    return out;
  }

  /** The summary as plain text: totals, then both tables. */
  public static String format(Summary s, Path file) {
    StringBuilder b = new StringBuilder();
    b.append(s.votes()).append(" votes in ").append(file);
    if (s.skippedLines() > 0) {
      b.append(" (")
          .append(s.skippedLines())
          .append(" unreadable line")
          .append(s.skippedLines() == 1 ? "" : "s")
          .append(" skipped)");
    }
    b.append('\n');
    if (s.votes() == 0) {
      return b.toString();
    }
    b.append("\nPer passage (👍 👎 passage):\n");
    for (Tally t : s.passages()) {
      b.append(String.format("%4d %4d  %s  %s%n", t.up(), t.down(), t.key(), t.label()));
    }
    b.append("\nPer question (👍 👎 question):\n");
    for (Tally t : s.questions()) {
      b.append(String.format("%4d %4d  %s%n", t.up(), t.down(), t.label()));
    }
    return b.toString();
  }
}
