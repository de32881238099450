/** Analyses a question once — normalised text, content words, focus, expected answer type, aliases — for search, the answer and the decline decision. */
package io.github.wenda.bot.question;
