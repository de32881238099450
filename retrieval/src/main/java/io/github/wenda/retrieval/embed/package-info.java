/** Embedding models and their caches, implementations of api.Embedder that the application chooses. */
package io.github.wenda.retrieval.embed;
