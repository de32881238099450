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

/**
 * The retrieval layer's one entry point: loads the corpus, brings the index up to date, and
 * answers searches. The bot talks to retrieval only through this and the {@code search} records.
 */
public final class Retrieval implements Retriever, Closeable {
  private final RetrievalSettings settings;
  private final Corpus corpus;
  private final IndexReport report;
  private final PassageIndex index;
  private final Embedder embedder;
  private final Retriever retriever;

  private Retrieval(RetrievalSettings settings, Corpus corpus, IndexReport report, PassageIndex index, Embedder embedder) {
    this.settings = settings;
    this.corpus = corpus;
    this.report = report;
    this.index = index;
    this.embedder = embedder;
    this.retriever = Retrievers.lucene(index, embedder, settings.search());
  }

  /** A retriever over the same index with other search settings (for evaluation and tuning). */
  public Retriever retriever(SearchSettings search) {
    return Retrievers.lucene(index, embedder, search);
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
    Corpus corpus = new CorpusLoader(settings.corpusDir()).load();
    IndexReport report = new IndexManager(settings.index(), passageEmbedder, progress).refresh(corpus);
    return new Retrieval(settings, corpus, report, PassageIndex.open(settings.index().dir()), queryEmbedder);
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

  public PassageIndex index() {
    return index;
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
