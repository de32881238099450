package io.github.wenda.retrieval.eval;

import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.RetrieverContract;
import io.github.wenda.retrieval.api.SearchMode;
import java.nio.file.Path;
import java.util.List;

/** The fixed-window BM25 baseline keeps the retriever contract (it has one list, so one mode). */
class FixedWindowBm25BaselineContractTest extends RetrieverContract {
  @Override
  protected Retriever open(Path corpusDir) {
    return FixedWindowBm25Baseline.build(corpusDir, 300, 300);
  }

  @Override
  protected List<SearchMode> modes() {
    return List.of(SearchMode.BM25);
  }
}
