package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchSettings;

/** Creates retrievers; the Lucene implementation stays package-private. */
final class Retrievers {
  private Retrievers() {}

  public static Retriever lucene(PassageIndex index, Embedder embedder, SearchSettings settings) {
    return new LuceneRetriever(index, embedder, settings);
  }
}
