/**
 * The retrieval facade the application uses: open, search, explain and refresh an index of a
 * corpus, on Lucene or SolrCloud.
 */
@NullMarked
package io.github.wenda.retrieval;

import org.jspecify.annotations.NullMarked;
