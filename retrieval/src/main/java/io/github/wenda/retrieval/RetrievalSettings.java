package io.github.wenda.retrieval;

import io.github.wenda.retrieval.index.IndexSettings;
import io.github.wenda.retrieval.search.SearchSettings;
import java.nio.file.Path;
import java.util.Objects;

/** Everything the retrieval layer needs to know, checked once at start-up. */
public record RetrievalSettings(Path corpusDir, IndexSettings index, SearchSettings search) {
  public RetrievalSettings {
    Objects.requireNonNull(corpusDir, "corpusDir");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(search, "search");
  }

  public RetrievalSettings withSearch(SearchSettings s) {
    return new RetrievalSettings(corpusDir, index, s);
  }
}
