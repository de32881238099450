/**
 * What every search backend shares: the SearchBackend contract the facade calls and the rank fusion
 * and near-duplicate folding both engines apply.
 */
@NullMarked
package io.github.wenda.retrieval.backend;

import org.jspecify.annotations.NullMarked;
