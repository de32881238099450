/**
 * Answers written by a configured language model, with every claim checked against the cited
 * passages before it is shown.
 */
@NullMarked
package io.github.wenda.bot.answer.llm;

import org.jspecify.annotations.NullMarked;
