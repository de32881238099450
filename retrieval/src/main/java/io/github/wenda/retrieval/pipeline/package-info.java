/**
 * The one document pipeline both stores use: clean → chunk → embed, change detection, and the
 * passage's match text.
 */
@NullMarked
package io.github.wenda.retrieval.pipeline;

import org.jspecify.annotations.NullMarked;
