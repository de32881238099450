package io.github.wenda.retrieval.corpus;

/** A section heading: its nesting level (1 = outermost) and its normalised text. */
record Heading(int level, String text) {}
