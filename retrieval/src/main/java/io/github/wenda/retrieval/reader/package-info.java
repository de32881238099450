/** Reads each document format (PDF, HTML, Word, Markdown, text) with its own library into one structured form: blocks of a kind, with page where known. */
package io.github.wenda.retrieval.reader;
