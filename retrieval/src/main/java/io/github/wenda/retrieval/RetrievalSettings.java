package io.github.wenda.retrieval;

import io.github.wenda.retrieval.api.CorpusOptions;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.SolrSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the retrieval layer needs to know, checked once at start-up. {@code solr} is only
 * read when {@code backend} is {@link Backend#SOLR}; the index folder then holds nothing.
 */
public record RetrievalSettings(
    Path corpusDir, IndexSettings index, SearchSettings search, Backend backend, SolrSettings solr, CorpusOptions corpus) {
  public RetrievalSettings {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(corpusDir, "corpusDir");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(solr, "solr");
  }

  /** Default corpus walking (symlinks out of the corpus not followed, default file size limit). */
  public RetrievalSettings(Path corpusDir, IndexSettings index, SearchSettings search, Backend backend, SolrSettings solr) {
    this(corpusDir, index, search, backend, solr, CorpusOptions.defaults());
  }

  /** The embedded Lucene backend. */
  public RetrievalSettings(Path corpusDir, IndexSettings index, SearchSettings search) {
    this(corpusDir, index, search, Backend.LUCENE, SolrSettings.defaults(Path.of("config/solr/wenda/conf")));
  }

  public RetrievalSettings withSearch(SearchSettings s) {
    return new RetrievalSettings(corpusDir, index, s, backend, solr, corpus);
  }

  public RetrievalSettings withBackend(Backend b, SolrSettings s) {
    return new RetrievalSettings(corpusDir, index, search, b, s, corpus);
  }
}
