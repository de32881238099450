package io.github.wenda.retrieval.index;

import io.github.wenda.retrieval.SearchBackend;
import io.github.wenda.retrieval.SearchBackendContract;

class LuceneBackendContractTest extends SearchBackendContract {
  @Override
  protected SearchBackend create(IndexSettings index, Embedder embedder) {
    return new LuceneBackend(index, embedder, embedder, ProgressListener.NONE);
  }
}
