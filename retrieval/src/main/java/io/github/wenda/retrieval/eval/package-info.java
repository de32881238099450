/**
 * Retrieval evaluation: question files, recall, MRR and nDCG per mode, and the fixed-window BM25
 * baseline.
 */
@NullMarked
package io.github.wenda.retrieval.eval;

import org.jspecify.annotations.NullMarked;
