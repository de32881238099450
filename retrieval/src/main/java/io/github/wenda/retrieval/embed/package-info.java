/**
 * Embedding models and their caches, implementations of api.Embedder that the application chooses.
 */
@NullMarked
package io.github.wenda.retrieval.embed;

import org.jspecify.annotations.NullMarked;
