package io.github.wenda.retrieval;

import io.github.wenda.retrieval.corpus.Corpus;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.index.Embedder;
import io.github.wenda.retrieval.index.IndexManager;
import io.github.wenda.retrieval.index.IndexReport;
import io.github.wenda.retrieval.index.PassageIndex;
import io.github.wenda.retrieval.index.ProgressListener;
import io.github.wenda.retrieval.search.Hit;
import io.github.wenda.retrieval.search.Query;
import io.github.wenda.retrieval.search.Retriever;
import io.github.wenda.retrieval.search.Retrievers;
import io.github.wenda.retrieval.search.SearchSettings;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retrieval layer's one entry point: loads the corpus, brings the index up to date, and
 * answers searches. The bot talks to retrieval only through this and the {@code search} records.
 *
 * <p>{@link #refresh()} re-reads the corpus and brings the index up to date while searches go on:
 * they keep using the index they started on until the new one is open, then the old one is closed
 * once no search is using it. A failed refresh (unreadable corpus, a crash while embedding) leaves
 * the current index serving and the one on disk as it was.
 */
public final class Retrieval implements Retriever, Closeable {
  private static final Logger log = LoggerFactory.getLogger(Retrieval.class);

  /** One opened index with the corpus it was built from; replaced whole by a refresh. */
  private record Generation(Corpus corpus, IndexReport report, PassageIndex index, Map<SearchSettings, Retriever> retrievers) {
    Generation(Corpus corpus, IndexReport report, PassageIndex index) {
      this(corpus, report, index, new ConcurrentHashMap<>());
    }
  }

  private final RetrievalSettings settings;
  private final Embedder passageEmbedder;
  private final Embedder embedder;
  // Searches hold the read lock while they use an index; the swap takes the write lock, so the
  // old index is closed only after searches in flight on it are done.
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Object refreshing = new Object();
  private volatile Generation current;
  private boolean closed;

  private Retrieval(RetrievalSettings settings, Embedder passageEmbedder, Embedder embedder, Generation first) {
    this.settings = settings;
    this.passageEmbedder = passageEmbedder;
    this.embedder = embedder;
    this.current = first;
  }

  /** A retriever over the same index with other search settings (for evaluation and tuning); follows refreshes. */
  public Retriever retriever(SearchSettings search) {
    return query -> withIndex(g -> retrieverOf(g, search).search(query));
  }

  /** Loads the corpus, refreshes the index (reusing what is unchanged) and opens it for search. */
  public static Retrieval open(RetrievalSettings settings, Embedder embedder, ProgressListener progress) {
    return open(settings, embedder, embedder, progress);
  }

  /**
   * As {@link #open(RetrievalSettings, Embedder, ProgressListener)}, embedding passages with
   * {@code passageEmbedder} (e.g. a {@link io.github.wenda.retrieval.index.DiskEmbeddingCache}) and
   * questions with {@code queryEmbedder}; both must be the same model.
   */
  public static Retrieval open(
      RetrievalSettings settings, Embedder passageEmbedder, Embedder queryEmbedder, ProgressListener progress) {
    if (!passageEmbedder.modelId().equals(queryEmbedder.modelId())) {
      throw new IllegalArgumentException("passages and questions must be embedded by one model, but are: "
          + passageEmbedder.modelId() + " and " + queryEmbedder.modelId());
    }
    return new Retrieval(settings, passageEmbedder, queryEmbedder, build(settings, passageEmbedder, progress));
  }

  private static Generation build(RetrievalSettings settings, Embedder passageEmbedder, ProgressListener progress) {
    Corpus corpus = new CorpusLoader(settings.corpusDir()).load();
    IndexReport report = new IndexManager(settings.index(), passageEmbedder, progress).refresh(corpus);
    return new Generation(corpus, report, PassageIndex.open(settings.index().dir()));
  }

  /**
   * Re-reads the corpus and brings the index up to date (rebuilding it if it was deleted or
   * corrupted), then swaps the new index in; searches continue throughout. One refresh runs at a
   * time.
   *
   * @return what was done to the index
   * @throws RuntimeException if the corpus cannot be read or indexing fails; the current index
   *     then keeps serving and the one on disk is unchanged
   */
  public IndexReport refresh() {
    synchronized (refreshing) {
      Generation next = build(settings, passageEmbedder, ProgressListener.NONE);
      Generation old;
      lock.writeLock().lock();
      try {
        if (closed) {
          closeQuietly(next.index());
          throw new IllegalStateException("retrieval is closed");
        }
        old = current;
        current = next;
      } finally {
        lock.writeLock().unlock();
      }
      closeQuietly(old.index()); // no search holds it: they all finished before the write lock
      if (next.report().action() != IndexReport.Action.REUSED) {
        log.info("index {}: {} documents, {} passages ({} embedded)", next.report().action().name().toLowerCase(java.util.Locale.ROOT),
            next.report().documents(), next.report().passages(), next.report().embedded());
      }
      return next.report();
    }
  }

  @Override
  public List<Hit> search(Query query) {
    return withIndex(g -> retrieverOf(g, settings.search()).search(query));
  }

  /** A query with the configured k and mode. */
  public List<Hit> search(String question) {
    return search(new Query(question, settings.search().k(), settings.search().mode()));
  }

  /** {@link PassageIndex#idf} on the current index; follows refreshes. */
  public double idf(String word) {
    return withIndex(g -> g.index().idf(word));
  }

  private <T> T withIndex(Function<Generation, T> work) {
    lock.readLock().lock();
    try {
      return work.apply(current);
    } finally {
      lock.readLock().unlock();
    }
  }

  private Retriever retrieverOf(Generation g, SearchSettings search) {
    return g.retrievers().computeIfAbsent(search, s -> Retrievers.lucene(g.index(), embedder, s));
  }

  public RetrievalSettings settings() {
    return settings;
  }

  /** The corpus of the current index. */
  public Corpus corpus() {
    return current.corpus();
  }

  /** What the last open or refresh did. */
  public IndexReport report() {
    return current.report();
  }

  /**
   * The index searched now. A {@link #refresh()} closes it once searches are done with it: hold on
   * to it only where nothing refreshes (one-shot commands); otherwise use {@link #search} and {@link #idf}.
   */
  public PassageIndex index() {
    return current.index();
  }

  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      current.index().close();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void closeQuietly(PassageIndex index) {
    try {
      index.close();
    } catch (IOException | RuntimeException e) {
      log.warn("closing the previous index: {}", e.toString());
    }
  }
}
