package io.github.wenda.retrieval.embed;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk cache keeps the contract; every embedder of one test shares the folder, so later ones
 * answer from what earlier ones wrote.
 */
class DiskEmbeddingCacheContractTest extends EmbedderContract {
  @TempDir Path dir;

  @Override
  protected Embedder create() {
    return DiskEmbeddingCache.open(dir, new HashingEmbedder());
  }
}
