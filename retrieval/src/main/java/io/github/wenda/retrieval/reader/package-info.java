/**
 * Reads each document format (PDF, HTML, Word, Markdown, text) with its own library into one
 * structured form: blocks of a kind, with page where known.
 */
@NullMarked
package io.github.wenda.retrieval.reader;

import org.jspecify.annotations.NullMarked;
