/** The SolrCloud store: everything package-private behind SolrBackend. */
@NullMarked
package io.github.wenda.retrieval.solr;

import org.jspecify.annotations.NullMarked;
