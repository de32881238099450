/** The embedded Lucene index: everything package-private behind LuceneBackend. */
package io.github.wenda.retrieval.lucene;
