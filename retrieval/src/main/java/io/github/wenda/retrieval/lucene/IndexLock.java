package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One index writer at a time across processes: a second {@code ./wenda index} (or a bot's refresh)
 * waits a bounded time for the first, then fails naming the holder, instead of both building and
 * one deleting the other's work.
 *
 * <p>The lock is an OS file lock ({@link FileChannel#tryLock()}) on {@code <index>.lock} beside the
 * index folder, released by the OS when the holder dies, so a crash never leaves it stuck. The file
 * says who holds it (pid, start time) and is never deleted: deleting a lock file lets two processes
 * lock two different files. File locks belong to the whole JVM, so threads of one process are kept
 * apart by an in-process table; the lock is re-entrant for the thread that holds it.
 */
final class IndexLock implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IndexLock.class);
  private static final Duration POLL = Duration.ofMillis(100);
  // In-process holders by lock file; guarded by itself.
  private static final Map<Path, IndexLock> HELD = new HashMap<>();

  private final Path file;
  private final Thread owner;
  // Set once the OS lock is taken; until then the entry in HELD only reserves the file for owner.
  private FileChannel channel;
  private FileLock lock;
  private int depth = 1;

  private IndexLock(Path file, Thread owner) {
    this.file = file;
    this.owner = owner;
  }

  /** The lock file of the index at {@code indexDir}. */
  public static Path fileOf(Path indexDir) {
    Path abs = indexDir.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".lock");
  }

  /**
   * Takes the lock of the index at {@code indexDir}, waiting up to {@code wait} for another holder.
   *
   * @throws WendaException when still held after {@code wait}, saying by whom
   */
  public static IndexLock acquire(Path indexDir, Duration wait) {
    Path file = fileOf(indexDir);
    long deadline = System.nanoTime() + wait.toNanos();
    boolean told = false;
    Thread me = Thread.currentThread();
    IndexLock taken = new IndexLock(file, me);
    synchronized (HELD) {
      while (true) {
        IndexLock held = HELD.get(file);
        if (held == null) {
          break;
        }
        if (held.owner == me) {
          held.depth++;
          return held;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw busy(
              indexDir,
              wait,
              "this process (pid "
                  + ProcessHandle.current().pid()
                  + ", thread "
                  + held.owner.getName()
                  + ")");
        }
        if (!told) {
          log.info(
              "the index at {} is being written by another thread of this process; waiting up to {} s",
              indexDir,
              wait.toSeconds());
          told = true;
        }
        try {
          HELD.wait(Math.max(1, Math.min(left / 1_000_000, POLL.toMillis())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new WendaException("interrupted while waiting for the index lock " + file, e);
        }
      }
      // Reserve the file for this thread, then wait for the OS lock outside the monitor.
      HELD.put(file, taken);
    }
    try {
      taken.takeOsLock(indexDir, wait, deadline, told);
      return taken;
    } catch (RuntimeException e) {
      synchronized (HELD) {
        HELD.remove(file);
        HELD.notifyAll();
      }
      throw e;
    }
  }

  private void takeOsLock(Path indexDir, Duration wait, long deadline, boolean told) {
    try {
      PrivateFiles.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(
              file,
              java.util.Set.of(
                  StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
              PrivateFiles.fileAttributes(file.getParent()));
      try {
        while (true) {
          FileLock lock = channel.tryLock();
          if (lock != null) {
            channel.truncate(0);
            // No command line: it may carry --set values that are nobody else's business.
            channel.write(
                ByteBuffer.wrap(
                    ("pid " + ProcessHandle.current().pid() + "\nsince " + Instant.now() + "\n")
                        .getBytes(StandardCharsets.UTF_8)),
                0);
            channel.force(false);
            this.channel = channel;
            this.lock = lock;
            return;
          }
          String holder = holder(file);
          if (System.nanoTime() >= deadline) {
            throw busy(indexDir, wait, holder);
          }
          if (!told) {
            log.warn(
                "the index at {} is being written by {}; waiting up to {} s for it to finish",
                indexDir,
                holder,
                wait.toSeconds());
            told = true;
          }
          Thread.sleep(
              Math.max(1, Math.min((deadline - System.nanoTime()) / 1_000_000, POLL.toMillis())));
        }
      } catch (RuntimeException | InterruptedException e) {
        channel.close();
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          throw new WendaException("interrupted while waiting for the index lock " + file, e);
        }
        throw (RuntimeException) e;
      }
    } catch (IOException e) {
      throw new WendaException("cannot take the index lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Who holds the lock, as its file says: "pid 123 (since ...)". */
  static String holder(Path file) {
    try {
      String pid = "?";
      String since = "?";
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.startsWith("pid ")) {
          pid = line.substring(4).strip();
        } else if (line.startsWith("since ")) {
          since = line.substring(6).strip();
        }
      }
      return "another Wenda process (pid " + pid + ", since " + since + ")";
    } catch (IOException e) {
      return "another process (" + file + " unreadable: " + e.getMessage() + ")";
    }
  }

  private static WendaException busy(Path indexDir, Duration wait, String holder) {
    return new WendaException(
        "the index at "
            + indexDir
            + " is being written by "
            + holder
            + "; waited "
            + wait.toSeconds()
            + " s (index.lock-wait-seconds). Try again once it has finished, or stop it. Lock file: "
            + fileOf(indexDir));
  }

  @Override
  public void close() {
    synchronized (HELD) {
      if (--depth > 0) {
        return;
      }
      HELD.remove(file);
      HELD.notifyAll();
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        log.warn("releasing the index lock {}: {}", file, e.toString());
      }
    }
  }
}
