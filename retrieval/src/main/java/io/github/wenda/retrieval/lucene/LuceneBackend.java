package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Explanation;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.backend.SearchBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded backend: an {@link IndexManager}-kept index on local disk, searched in process.
 *
 * <p>Refreshing does the indexing work while searches go on against the open reader (Lucene readers
 * see a fixed commit, and a swapped-out folder stays readable while open), then swaps in a reader
 * of the new index under a write lock. Searches hold the read lock, so the old reader is closed
 * only once no search is using it.
 *
 * <p>Only a reader whose files pass {@link IndexIntegrity} is swapped in. A search that fails in a
 * way damaged files cause (an index out of bounds inside Lucene, an I/O error) has the files on
 * disk verified: if damaged, the index is rebuilt from the last corpus and the search retried on
 * the new reader; searches that do not fail go on meanwhile on the current one.
 */
public final class LuceneBackend implements SearchBackend {
  private static final Logger log = LoggerFactory.getLogger(LuceneBackend.class);

  private final IndexSettings settings;
  private final IndexManager manager;
  private final Embedder queryEmbedder;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // Retrievers hold analyzers and normalisers, too costly to build per question; one set per index.
  private final Map<SearchSettings, Retriever> retrievers = new ConcurrentHashMap<>();
  private volatile PassageIndex index;
  // The files `index` was opened on (IndexIntegrity.fingerprint) and the corpus it was built from.
  private volatile String openedOn = "";
  private volatile Corpus corpus;
  private boolean closed;

  /**
   * The Lucene backend the facade uses: an index folder that must not overlap the corpus folder
   * (refused with a message naming both), opened on the first {@link #refresh}.
   */
  public static LuceneBackend open(
      IndexSettings settings,
      Path corpusDir,
      Embedder passageEmbedder,
      Embedder queryEmbedder,
      ProgressListener progress) {
    new IndexFolder(settings.dir()).refuseOverlapWith(corpusDir);
    return new LuceneBackend(settings, passageEmbedder, queryEmbedder, progress);
  }

  public LuceneBackend(
      IndexSettings settings,
      Embedder passageEmbedder,
      Embedder queryEmbedder,
      ProgressListener progress) {
    this(settings, new IndexManager(settings, passageEmbedder, progress), queryEmbedder);
  }

  LuceneBackend(IndexSettings settings, IndexManager manager, Embedder queryEmbedder) {
    this.settings = settings;
    this.manager = manager;
    this.queryEmbedder = queryEmbedder;
  }

  @Override
  @SuppressWarnings("try") // a lock or watch held for the scope, never named in it
  public synchronized IndexReport refresh(Corpus corpus) {
    IndexReport report;
    Opened next;
    new IndexFolder(settings.dir())
        .claim(); // before the lock: a refused index.dir gets no lock file beside it
    try (IndexLock held =
        manager.lock()) { // no other process swaps folders between the refresh and the open
      report = manager.refresh(corpus);
      next = openVerified();
    }
    swapReader(next);
    this.corpus = corpus;
    return report;
  }

  /** A reader and the fingerprint of the files it was opened on. */
  private record Opened(PassageIndex index, String files) {}

  /** Opens the index on disk if its files pass verification; never swaps in a damaged one. */
  private Opened openVerified() {
    Path dir = settings.dir();
    try {
      IndexIntegrity.ensureVerified(dir);
      String files = IndexIntegrity.fingerprint(dir);
      return new Opened(PassageIndex.open(dir), files);
    } catch (IOException e) {
      throw new WendaException("the index at " + dir + " fails verification: " + e.getMessage(), e);
    }
  }

  private void swapReader(Opened next) {
    PassageIndex previous;
    lock.writeLock().lock();
    try {
      if (closed) {
        closeQuietly(next.index());
        throw new IllegalStateException("the index at " + settings.dir() + " is closed");
      }
      previous = index;
      index = next.index();
      openedOn = next.files();
      retrievers.clear();
    } finally {
      lock.writeLock().unlock();
    }
    closeQuietly(previous); // no search holds it: they all finished before the write lock
  }

  /**
   * After a search on {@code failed} threw {@code error}: verifies the files on disk and rebuilds
   * them from the last corpus if damaged, or reopens them if they changed since {@code failed} was
   * opened. Returns normally when the search should be retried on the new reader; rethrows {@code
   * error} when the files are sound and unchanged (the error is not damage).
   */
  @SuppressWarnings("try") // a lock or watch held for the scope, never named in it
  private synchronized void repair(PassageIndex failed, RuntimeException error) {
    if (index != failed || closed) {
      return; // another search repaired it, or a refresh swapped it, while this one waited
    }
    Path dir = settings.dir();
    try (IndexLock held = manager.lock()) {
      try {
        IndexIntegrity.verifyAndRecord(dir);
      } catch (IOException | RuntimeException damaged) {
        log.warn(
            "a search failed ({}) and the index at {} is damaged ({}); rebuilding it from the corpus while"
                + " other searches go on",
            error.toString(),
            dir,
            damaged.getMessage());
        manager.rebuild(corpus);
        swapReader(openVerified());
        return;
      }
      if (IndexIntegrity.fingerprint(dir).equals(openedOn)) {
        throw error;
      }
      log.warn(
          "a search failed ({}) on files since replaced; reopening the index at {}",
          error.toString(),
          dir);
      swapReader(openVerified());
    } catch (IOException e) {
      error.addSuppressed(e);
      throw error;
    } catch (RuntimeException e) {
      if (e != error) {
        error.addSuppressed(e);
      }
      throw error;
    }
  }

  /**
   * The open index, for this package's tests and tools. A refresh closes it once searches are done
   * with it: hold on to it only where nothing refreshes.
   */
  PassageIndex index() {
    PassageIndex i = index;
    if (i == null) {
      throw new IllegalStateException(
          "the index at " + settings.dir() + " is not open yet: call refresh first");
    }
    return i;
  }

  /** Follows refreshes: each search runs on the index current when it starts. */
  @Override
  public Retriever retriever(SearchSettings search) {
    return query ->
        withIndex(
            i ->
                retrievers
                    .computeIfAbsent(search, s -> Retrievers.lucene(i, queryEmbedder, s))
                    .search(query));
  }

  @Override
  public Optional<Explanation> explain(
      String question, int n, SearchMode mode, SearchSettings search) {
    return Optional.of(
        withIndex(i -> new SearchExplainer(i, queryEmbedder, search).explain(question, n, mode)));
  }

  @Override
  public int size() {
    return withIndex(PassageIndex::size);
  }

  @Override
  public double idf(String word) {
    return withIndex(i -> i.idf(word));
  }

  @Override
  public List<Passage> passages() {
    return withIndex(PassageIndex::passages);
  }

  @Override
  public String location() {
    return settings.dir().toString();
  }

  private <T> T withIndex(Function<PassageIndex, T> work) {
    PassageIndex used;
    RuntimeException failure;
    lock.readLock().lock();
    try {
      used = index();
      try {
        return work.apply(used);
      } catch (RuntimeException e) {
        if (!IndexIntegrity.looksCorrupt(e)) {
          throw e;
        }
        failure = e;
      }
    } finally {
      lock.readLock().unlock();
    }
    repair(used, failure); // outside the read lock: a swap needs the write lock
    lock.readLock().lock();
    try {
      return work.apply(index());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      closed = true;
      if (index != null) {
        index.close();
        index = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void closeQuietly(PassageIndex i) {
    if (i != null) {
      try {
        i.close();
      } catch (IOException | RuntimeException e) {
        log.warn("closing the previous index: {}", e.toString());
      }
    }
  }
}
