package io.github.wenda.bot.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wenda.bot.storage.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Appends 👍/👎 votes to a JSON-lines file, one line per vote, forced to disk before the user is
 * thanked, so a crash loses no acknowledged vote. One writer per process (the bot); votes are
 * appended whole under a lock.
 */
public final class FeedbackLog {
  /** The file under the data directory. */
  public static Path file(Path dataDir) {
    return dataDir.resolve("feedback").resolve("telegram-feedback.jsonl");
  }

  /** A cited passage as recorded: enough to find it again and to read the summary. */
  public record Source(int n, String docId, int ordinal, String title, String section) {}

  /** One vote: {@code vote} is "up" or "down". */
  public record Vote(
      String time,
      long chatId,
      long userId,
      String answerId,
      String vote,
      String question,
      List<Source> passages) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path path;

  public FeedbackLog(Path path) {
    this.path = path;
  }

  public synchronized void append(Vote vote) {
    try {
      byte[] line = (JSON.writeValueAsString(vote) + "\n").getBytes(StandardCharsets.UTF_8);
      // Owner-only: votes say who asked what.
      try (FileChannel ch = PrivateFiles.openAppend(path)) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record feedback in " + path + ": " + e.getMessage(), e);
    }
  }

  static Vote vote(long chatId, long userId, RecentAnswers.Entry e, boolean up) {
    List<Source> sources =
        e.shown().stream()
            .map(
                c ->
                    new Source(
                        c.n(),
                        c.passage().docId(),
                        c.passage().ordinal(),
                        c.passage().title(),
                        c.passage().section()))
            .toList();
    return new Vote(
        Instant.now().toString(),
        chatId,
        userId,
        e.id(),
        up ? "up" : "down",
        e.question(),
        sources);
  }
}
