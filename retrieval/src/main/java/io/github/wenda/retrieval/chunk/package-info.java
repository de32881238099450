/**
 * Cuts cleaned documents into passages along their block structure, keeping code, rows and words
 * whole.
 */
@NullMarked
package io.github.wenda.retrieval.chunk;

import org.jspecify.annotations.NullMarked;
