package io.github.wenda.retrieval.api;

import java.util.List;

/**
 * Finds the passages that best answer a query, best first. Never throws for odd query text.
 *
 * <p>The contract every implementation keeps (and {@code RetrieverContract} tests): at most {@code
 * query.k()} hits, ranked 1, 2, 3… with scores that never rise, no passage twice; words found
 * nowhere in the corpus give no word (BM25) hits; any query text, however odd (empty, query syntax,
 * lone surrogates, thousands of characters), is searched or gives no hits, never an exception.
 */
@FunctionalInterface
public interface Retriever {
  List<Hit> search(Query query);
}
