package io.github.wenda.retrieval.embed;

import io.github.wenda.retrieval.api.Embedder;

/**
 * The bundled model keeps the embedder contract (the process's one shared instance: loaded once).
 */
class BgeSmallZhEmbedderContractTest extends EmbedderContract {
  @Override
  protected Embedder create() {
    return BgeSmallZhEmbedder.shared();
  }
}
