/**
 * Analyses a question once — normalised text, content words, focus, expected answer type, aliases —
 * for search, the answer and the decline decision.
 */
@NullMarked
package io.github.wenda.bot.question;

import org.jspecify.annotations.NullMarked;
