package io.github.wenda.retrieval;

import io.github.wenda.retrieval.api.IndexReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the corpus folder and the index folder every {@code interval} and calls {@link
 * Retrieval#refresh()} when a file was added, changed or deleted, or the index was deleted or
 * rewritten, so a running bot picks changes up without a restart. Polling (sizes and modification
 * times) rather than a file-system watch service: it also works on network and container mounts. A
 * failed refresh is logged once and retried at the next change; the current index keeps serving.
 */
public final class CorpusWatch implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CorpusWatch.class);

  private final Retrieval retrieval;
  private final ScheduledExecutorService thread;
  private List<String> seen;
  private List<String> failed = List.of();

  private CorpusWatch(Retrieval retrieval, Duration interval) {
    this.retrieval = retrieval;
    this.seen = fingerprint();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "wenda-corpus-watch");
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Starts watching; {@code interval} must be positive. */
  public static CorpusWatch start(Retrieval retrieval, Duration interval) {
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("watch interval must be positive, but is: " + interval);
    }
    return new CorpusWatch(retrieval, interval);
  }

  /** Refreshes now if anything changed since the last look; what a poll does (public for tests). */
  public synchronized void check() {
    try {
      List<String> now = fingerprint();
      if (now.equals(seen) || now.equals(failed)) {
        return; // nothing new; a state that failed to index is retried only once it changes again
      }
      failed = now;
      IndexReport report = retrieval.refresh();
      failed = List.of();
      log.info(
          "corpus or index changed: index {}, {} documents{}",
          report.action().name().toLowerCase(java.util.Locale.ROOT),
          report.documents(),
          report.changedDocuments().isEmpty() ? "" : ", changed " + report.changedDocuments());
      // What the refresh itself wrote to the index folder is not a change to react to.
      seen = fingerprint();
    } catch (RuntimeException e) {
      // Keep `seen` as it was: the next change is tried again while the old index keeps answering.
      log.warn(
          "refreshing the index after a change failed; still answering from the previous index: {}",
          e.getMessage());
    }
  }

  private List<String> fingerprint() {
    List<String> out = new ArrayList<>();
    for (Path root :
        List.of(retrieval.settings().corpusDir(), retrieval.settings().index().dir())) {
      out.add("root " + root + " " + Files.isDirectory(root));
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.sorted().toList()) {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          if (a.isRegularFile()) {
            out.add(f + " " + a.size() + " " + a.lastModifiedTime().toMillis());
          }
        }
      } catch (IOException | UncheckedIOException e) {
        out.add(
            "unreadable "
                + root
                + " "
                + e.getMessage()); // e.g. deleted while walking: changes next time
      }
    }
    return out;
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
