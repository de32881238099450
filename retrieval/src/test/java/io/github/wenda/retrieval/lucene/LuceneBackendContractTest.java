package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.backend.SearchBackend;
import io.github.wenda.retrieval.backend.SearchBackendContract;

class LuceneBackendContractTest extends SearchBackendContract {
  @Override
  protected SearchBackend create(IndexSettings index, Embedder embedder) {
    return new LuceneBackend(index, embedder, embedder, ProgressListener.NONE);
  }
}
