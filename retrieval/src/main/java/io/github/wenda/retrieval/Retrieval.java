package io.github.wenda.retrieval;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Explanation;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.backend.SearchBackend;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.lucene.LuceneBackend;
import io.github.wenda.retrieval.solr.SolrBackend;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retrieval layer's one entry point: loads the corpus, brings the passage store up to date, and
 * answers searches. The bot talks to retrieval only through this and the {@code api} values
 * (checked by the bot's ArchUnit rules); which store ({@code retrieval.backend}) is hidden behind
 * {@link SearchBackend}, and this is the only class that knows both the Lucene and the Solr one.
 */
public final class Retrieval implements Retriever, Closeable {
  private final RetrievalSettings settings;
  private static final Logger log = LoggerFactory.getLogger(Retrieval.class);

  private final SearchBackend backend;
  private final Object refreshing = new Object();
  private volatile Corpus corpus;
  private volatile IndexReport report;
  private volatile Retriever retriever;

  private Retrieval(RetrievalSettings settings, SearchBackend backend) {
    this.settings = settings;
    this.backend = backend;
  }

  /** A retriever over the same passages with other search settings (for evaluation and tuning). */
  public Retriever retriever(SearchSettings search) {
    return backend.retriever(search);
  }

  /** Loads the corpus, refreshes the index (reusing what is unchanged) and opens it for search. */
  public static Retrieval open(
      RetrievalSettings settings, Embedder embedder, ProgressListener progress) {
    return open(settings, embedder, embedder, progress);
  }

  /**
   * As {@link #open(RetrievalSettings, Embedder, ProgressListener)}, embedding passages with {@code
   * passageEmbedder} (e.g. a {@link io.github.wenda.retrieval.embed.DiskEmbeddingCache}) and
   * questions with {@code queryEmbedder}; both must be the same model.
   */
  public static Retrieval open(
      RetrievalSettings settings,
      Embedder passageEmbedder,
      Embedder queryEmbedder,
      ProgressListener progress) {
    if (!passageEmbedder.modelId().equals(queryEmbedder.modelId())) {
      throw new IllegalArgumentException(
          "passages and questions must be embedded by one model, but are: "
              + passageEmbedder.modelId()
              + " and "
              + queryEmbedder.modelId());
    }
    SearchBackend backend =
        switch (settings.backend()) {
          case LUCENE ->
              LuceneBackend.open(
                  settings.index(), settings.corpusDir(), passageEmbedder, queryEmbedder, progress);
          case SOLR ->
              SolrBackend.connect(
                  settings.solr(), settings.index(), passageEmbedder, queryEmbedder, progress);
        };
    Retrieval r = new Retrieval(settings, backend);
    try {
      r.refresh();
    } catch (RuntimeException e) {
      try {
        backend.close();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return r;
  }

  /**
   * Re-reads the corpus and brings the store up to date with it (only changed documents are redone;
   * a deleted or corrupted index is rebuilt) while searches go on: they keep using what they
   * started on until the new state is ready. One refresh runs at a time.
   *
   * @throws RuntimeException if the corpus cannot be read or indexing fails; the current passages
   *     then keep serving and the index on disk is as it was
   */
  public IndexReport refresh() {
    synchronized (refreshing) {
      Corpus c = new CorpusLoader(settings.corpusDir(), settings.corpus()).load();
      IndexReport r = backend.refresh(c);
      corpus = c;
      report = r;
      retriever = backend.retriever(settings.search());
      if (r.action() != IndexReport.Action.REUSED) {
        log.info(
            "index {}: {} documents, {} passages ({} embedded)",
            r.action().name().toLowerCase(java.util.Locale.ROOT),
            r.documents(),
            r.passages(),
            r.embedded());
      }
      return r;
    }
  }

  @Override
  public List<Hit> search(Query query) {
    return retriever.search(query);
  }

  /** A query with the configured k and mode. */
  public List<Hit> search(String question) {
    return search(new Query(question, settings.search().k(), settings.search().mode()));
  }

  public RetrievalSettings settings() {
    return settings;
  }

  public Corpus corpus() {
    return corpus;
  }

  public IndexReport report() {
    return report;
  }

  /** The number of searchable passages. */
  public int size() {
    return backend.size();
  }

  /** BM25's idf of a smartcn word over the searchable passages (see {@link SearchBackend#idf}). */
  public double idf(String word) {
    return backend.idf(word);
  }

  /** Every searchable passage. */
  public List<Passage> passages() {
    return backend.passages();
  }

  /** Where the passages live, for messages. */
  public String location() {
    return backend.location();
  }

  /**
   * How {@code question} is searched with the configured search settings: its normalised text and
   * terms, and the top {@code n} candidates in {@code mode} with the terms each one matched.
   *
   * @throws WendaException when the backend cannot show its analysis ({@code retrieval.backend:
   *     solr})
   */
  public Explanation explain(String question, int n, SearchMode mode) {
    return backend
        .explain(question, n, mode, settings.search())
        .orElseThrow(
            () ->
                new WendaException(
                    "this command needs the embedded index (retrieval.backend: lucene), but the backend is "
                        + settings.backend().label()
                        + " ("
                        + backend.location()
                        + ")"));
  }

  @Override
  public void close() throws IOException {
    backend.close();
  }
}
