package io.github.wenda.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.wenda.bot.storage.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The updates received from Telegram and not yet answered, on disk. The poller writes a batch here
 * (forced to disk) before its next getUpdates confirms the offset to Telegram, and the bot marks
 * each update done once handled; after a kill, {@link #pending} are the updates to answer again. So
 * an answer is sent at least once: a kill between sending and marking repeats it.
 *
 * <p>JSON lines, owner-only: {@code {"r":id,"u":update}} received, {@code {"d":id}} done, {@code
 * {"last":id}} the highest id ever received (the next offset, kept across compaction). A torn last
 * line after a crash is skipped. The file is rewritten without finished updates on open, and
 * whenever it has grown past {@link #COMPACT_BYTES} and to twice its size after the last rewrite
 * (so a busy bot, never idle, still keeps it small, and a large backlog is not rewritten at every
 * answer).
 */
final class UpdateJournal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UpdateJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Received updates and done-marks pile up; rewrite past ~1 MB (to the pending updates only). */
  static final long COMPACT_BYTES = 1 << 20;

  /** One update as received: its id and its JSON exactly as Telegram sent it. */
  record Entry(long updateId, JsonNode json) {}

  /** The journal under the data directory. */
  static Path file(Path dataDir) {
    return dataDir.resolve("telegram").resolve("updates.jsonl");
  }

  private final Path path;
  private final long compactBytes;
  private final Map<Long, JsonNode> pending = new LinkedHashMap<>();
  private long last;
  private long bytes;
  private long compactedBytes;
  private FileChannel ch;
  private boolean closed;

  private UpdateJournal(Path path, long compactBytes) {
    this.path = path;
    this.compactBytes = compactBytes;
  }

  /** Reads the journal at {@code path} (creating it owner-only when missing) and compacts it. */
  static UpdateJournal open(Path path) {
    return open(path, COMPACT_BYTES);
  }

  /** As {@link #open(Path)}, rewriting past {@code compactBytes} (tests use a small size). */
  static UpdateJournal open(Path path, long compactBytes) {
    UpdateJournal j = new UpdateJournal(path, compactBytes);
    try {
      if (Files.exists(path)) {
        j.load();
      }
      j.compact();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the Telegram update journal " + path + ": " + e.getMessage(), e);
    }
    return j;
  }

  private void load() throws IOException {
    // Decode leniently: a torn multi-byte character at the end must not hide the lines before it.
    String text =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
            .toString();
    int bad = 0;
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line);
        if (n.has("r") && n.has("u")) {
          long id = n.get("r").asLong();
          pending.put(id, n.get("u"));
          last = Math.max(last, id);
        } else if (n.has("d")) {
          pending.remove(n.get("d").asLong());
        } else if (n.has("last")) {
          last = Math.max(last, n.get("last").asLong());
        } else {
          bad++;
        }
      } catch (IOException | RuntimeException e) {
        bad++;
      }
    }
    if (bad > 0) {
      log.warn("{}: {} unreadable line(s) skipped (a torn write after a crash)", path, bad);
    }
  }

  /** The highest update id ever received: polling resumes after it. 0 when none. */
  synchronized long lastUpdateId() {
    return last;
  }

  /** Updates received but not marked done, oldest first. */
  synchronized List<Entry> pending() {
    List<Entry> out = new ArrayList<>();
    pending.forEach((id, json) -> out.add(new Entry(id, json)));
    return out;
  }

  /**
   * Records a batch and forces it to disk; only then may its offset be confirmed. {@code skipped}
   * are ids of updates that could not be read: they are never answered, but polling moves past
   * them.
   *
   * @return the updates of {@code batch} not received before (Telegram re-delivers a batch whose
   *     offset was not confirmed before a kill): only these are to be answered
   */
  synchronized List<Entry> received(List<Entry> batch, List<Long> skipped) {
    StringBuilder b = new StringBuilder();
    List<Entry> fresh = new ArrayList<>();
    long newLast = last;
    for (Entry e : batch) {
      if (e.updateId() <= newLast) {
        continue; // a re-delivery: already answered, or pending and answered from the journal
      }
      fresh.add(e);
      ObjectNode line = JSON.createObjectNode();
      line.put("r", e.updateId());
      line.set("u", e.json());
      b.append(line).append('\n');
      newLast = Math.max(newLast, e.updateId());
    }
    for (long id : skipped) {
      if (id > newLast) {
        newLast = id;
        b.append("{\"last\":").append(id).append("}\n");
      }
    }
    // On disk first: if this fails (disk full), nothing counts as received and the offset stays.
    write(b.toString(), true);
    fresh.forEach(e -> pending.put(e.updateId(), e.json()));
    last = newLast;
    return fresh;
  }

  /**
   * Marks an update handled. Not forced: a kill keeps the OS's page cache, only a power cut may
   * repeat it.
   */
  synchronized void done(long updateId) {
    if (closed || pending.remove(updateId) == null) {
      return;
    }
    write("{\"d\":" + updateId + "}\n", false);
    if (bytes > compactBytes && bytes > 2 * compactedBytes) {
      try {
        compact();
      } catch (IOException e) {
        log.warn("cannot compact {}: {}", path, e.getMessage());
      }
    }
  }

  private void write(String lines, boolean force) {
    if (lines.isEmpty()) {
      return;
    }
    byte[] data = lines.getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      if (force) {
        ch.force(false);
      }
      bytes += data.length;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the Telegram update journal " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rewrites the file with only the pending updates and the last id, atomically (write, force,
   * rename).
   */
  private void compact() throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("{\"last\":").append(last).append("}\n");
    pending.forEach(
        (id, json) -> {
          ObjectNode line = JSON.createObjectNode();
          line.put("r", id);
          line.set("u", json);
          b.append(line).append('\n');
        });
    byte[] data = b.toString().getBytes(StandardCharsets.UTF_8);
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    try (FileChannel out = PrivateFiles.create(tmp)) {
      ByteBuffer buf = ByteBuffer.wrap(data);
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      out.force(true);
    }
    if (ch != null) {
      ch.close();
    }
    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    ch = PrivateFiles.openAppend(path);
    bytes = data.length;
    compactedBytes = data.length;
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      if (ch != null) {
        ch.close();
      }
    } catch (IOException e) {
      log.debug("closing {}: {}", path, e.getMessage());
    }
  }
}
