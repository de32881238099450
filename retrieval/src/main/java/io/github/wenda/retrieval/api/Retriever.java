package io.github.wenda.retrieval.api;

import java.util.List;

/** Finds the passages that best answer a query, best first. Never throws for odd query text. */
@FunctionalInterface
public interface Retriever {
  List<Hit> search(Query query);
}
