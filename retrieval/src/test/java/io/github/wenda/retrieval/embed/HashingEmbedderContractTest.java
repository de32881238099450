package io.github.wenda.retrieval.embed;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.testing.HashingEmbedder;

/** The tests' stand-in model keeps the same contract as the real one, so tests built on it hold. */
class HashingEmbedderContractTest extends EmbedderContract {
  @Override
  protected Embedder create() {
    return new HashingEmbedder();
  }
}
