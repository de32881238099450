/** Measures answers and follow-ups on labelled question sets; never used while answering. */
@NullMarked
package io.github.wenda.bot.evaluation;

import org.jspecify.annotations.NullMarked;
