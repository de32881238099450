package io.github.wenda.retrieval.embed;

import io.github.wenda.retrieval.api.Embedder;

/**
 * The in-memory cache over the real model keeps the contract, with a capacity small enough to
 * evict.
 */
class CachingEmbedderContractTest extends EmbedderContract {
  @Override
  protected Embedder create() {
    return new CachingEmbedder(BgeSmallZhEmbedder.shared(), 2);
  }
}
