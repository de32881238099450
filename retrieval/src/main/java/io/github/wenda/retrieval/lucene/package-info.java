/** The embedded Lucene index: everything package-private behind LuceneBackend. */
@NullMarked
package io.github.wenda.retrieval.lucene;

import org.jspecify.annotations.NullMarked;
