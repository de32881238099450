package io.github.wenda.retrieval.search;

import io.github.wenda.retrieval.index.Embedder;
import io.github.wenda.retrieval.index.PassageIndex;

/** Creates retrievers; the Lucene implementation stays package-private. */
public final class Retrievers {
  private Retrievers() {}

  public static Retriever lucene(PassageIndex index, Embedder embedder, SearchSettings settings) {
    return new LuceneRetriever(index, embedder, settings);
  }
}
