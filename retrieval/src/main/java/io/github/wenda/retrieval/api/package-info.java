/**
 * The engine-neutral values and interfaces of retrieval (queries, hits, passages, settings,
 * reports), shared by the bot and every implementation and depending on no other retrieval package.
 */
@NullMarked
package io.github.wenda.retrieval.api;

import org.jspecify.annotations.NullMarked;
