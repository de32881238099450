/**
 * How retrieval reads text (normalisation, smartcn and bigram terms, sentences), shared with the
 * bot so that what it marks and matches is what search matched.
 */
@NullMarked
package io.github.wenda.retrieval.text;

import org.jspecify.annotations.NullMarked;
