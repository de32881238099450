/**
 * Loads a corpus folder: every file read or skipped with a reason, cleaned into display text with
 * sections and pages.
 */
@NullMarked
package io.github.wenda.retrieval.corpus;

import org.jspecify.annotations.NullMarked;
