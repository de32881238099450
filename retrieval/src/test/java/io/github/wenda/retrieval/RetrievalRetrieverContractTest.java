package io.github.wenda.retrieval;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.RetrieverContract;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.nio.file.Path;
import java.util.List;

/** The facade over the embedded Lucene index keeps the retriever contract in every mode. */
class RetrievalRetrieverContractTest extends RetrieverContract {
  @Override
  protected Retriever open(Path corpusDir) {
    RetrievalSettings settings =
        TestSettings.lucene(
            corpusDir,
            TestSettings.index(dir.resolve("index"), new ChunkSettings(300, 0), 16),
            TestSettings.SEARCH);
    return Retrieval.open(settings, new HashingEmbedder(), ProgressListener.NONE);
  }

  @Override
  protected List<SearchMode> modes() {
    return List.of(SearchMode.values());
  }
}
