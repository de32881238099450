/** Measures answers and follow-ups on labelled question sets; never used while answering. */
package io.github.wenda.bot.evaluation;
