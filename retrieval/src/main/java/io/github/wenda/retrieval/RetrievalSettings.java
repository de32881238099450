package io.github.wenda.retrieval;

import io.github.wenda.retrieval.api.CorpusOptions;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.SolrSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the retrieval layer needs to know, checked once at start-up. {@code solr} is only read
 * when {@code backend} is {@link Backend#SOLR}; the index folder then holds nothing.
 *
 * <p>The values come from the bot's settings binder (defaults and ranges live in its schema).
 */
public record RetrievalSettings(
    Path corpusDir,
    IndexSettings index,
    SearchSettings search,
    Backend backend,
    SolrSettings solr,
    CorpusOptions corpus) {
  public RetrievalSettings {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(corpusDir, "corpusDir");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(solr, "solr");
  }

  /**
   * These settings with passages stored in the embedded Lucene index {@code index}: what bench and
   * sweep measure, whatever store the configuration names.
   */
  public RetrievalSettings withLuceneIndex(IndexSettings index) {
    return new RetrievalSettings(corpusDir, index, search, Backend.LUCENE, solr, corpus);
  }
}
