package io.github.wenda.retrieval.index;

import io.github.wenda.retrieval.SearchBackend;
import io.github.wenda.retrieval.chunk.Passage;
import io.github.wenda.retrieval.corpus.Corpus;
import io.github.wenda.retrieval.search.Retriever;
import io.github.wenda.retrieval.search.Retrievers;
import io.github.wenda.retrieval.search.SearchSettings;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded backend: an {@link IndexManager}-kept index on local disk, searched in process.
 *
 * <p>Refreshing does the indexing work while searches go on against the open reader (Lucene
 * readers see a fixed commit, and a swapped-out folder stays readable while open), then swaps in a
 * reader of the new index under a write lock. Searches hold the read lock, so the old reader is
 * closed only once no search is using it.
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
  private boolean closed;

  public LuceneBackend(IndexSettings settings, Embedder passageEmbedder, Embedder queryEmbedder, ProgressListener progress) {
    this.settings = settings;
    this.manager = new IndexManager(settings, passageEmbedder, progress);
    this.queryEmbedder = queryEmbedder;
  }

  @Override
  public synchronized IndexReport refresh(Corpus corpus) {
    IndexReport report = manager.refresh(corpus);
    PassageIndex next = PassageIndex.open(settings.dir());
    PassageIndex previous;
    lock.writeLock().lock();
    try {
      if (closed) {
        closeQuietly(next);
        throw new IllegalStateException("the index at " + settings.dir() + " is closed");
      }
      previous = index;
      index = next;
      retrievers.clear();
    } finally {
      lock.writeLock().unlock();
    }
    closeQuietly(previous); // no search holds it: they all finished before the write lock
    return report;
  }

  /**
   * The open index, for tools that need Lucene itself (explain, sweep, bench). A refresh closes it
   * once searches are done with it: hold on to it only where nothing refreshes.
   */
  public PassageIndex index() {
    PassageIndex i = index;
    if (i == null) {
      throw new IllegalStateException("the index at " + settings.dir() + " is not open yet: call refresh first");
    }
    return i;
  }

  /** Follows refreshes: each search runs on the index current when it starts. */
  @Override
  public Retriever retriever(SearchSettings search) {
    return query -> withIndex(i -> retrievers.computeIfAbsent(search, s -> Retrievers.lucene(i, queryEmbedder, s)).search(query));
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
