package io.github.wenda.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums the votes in a feedback log per cited passage and per question, for the operator. A
 * user who votes twice on one answer counts once, with the last vote; unreadable lines (a torn
 * last line after a crash) are counted and skipped.
 */
public final class FeedbackSummary {
  /** Votes on one thing: a passage ({@code key} docId#ordinal) or a question (key = the question). */
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
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          FeedbackLog.Vote v = json.readValue(line, FeedbackLog.Vote.class);
          last.remove(v.answerId() + "/" + v.userId()); // keep insertion order of the latest vote
          last.put(v.answerId() + "/" + v.userId(), v);
        } catch (IOException e) {
          skipped++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Map<String, int[]> byPassage = new LinkedHashMap<>();
    Map<String, String> passageLabel = new LinkedHashMap<>();
    Map<String, int[]> byQuestion = new LinkedHashMap<>();
    for (FeedbackLog.Vote v : last.values()) {
      int i = "up".equals(v.vote()) ? 0 : 1;
      byQuestion.computeIfAbsent(v.question(), k -> new int[2])[i]++;
      for (FeedbackLog.Source s : v.passages() == null ? List.<FeedbackLog.Source>of() : v.passages()) {
        String key = s.docId() + "#" + s.ordinal();
        byPassage.computeIfAbsent(key, k -> new int[2])[i]++;
        passageLabel.put(key, s.title() + (s.section() == null || s.section().isEmpty() ? "" : " · " + s.section()));
      }
    }
    return new Summary(last.size(), skipped, tallies(byPassage, passageLabel), tallies(byQuestion, Map.of()));
  }

  private static List<Tally> tallies(Map<String, int[]> counts, Map<String, String> labels) {
    List<Tally> out = new ArrayList<>();
    counts.forEach((k, c) -> out.add(new Tally(k, labels.getOrDefault(k, k), c[0], c[1])));
    out.sort(Comparator.comparingInt(Tally::down).reversed().thenComparing(Comparator.comparingInt(Tally::total).reversed()));
    return out;
  }

  /** The summary as plain text: totals, then both tables. */
  public static String format(Summary s, Path file) {
    StringBuilder b = new StringBuilder();
    b.append(s.votes()).append(" votes in ").append(file);
    if (s.skippedLines() > 0) {
      b.append(" (").append(s.skippedLines()).append(" unreadable lines skipped)");
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
