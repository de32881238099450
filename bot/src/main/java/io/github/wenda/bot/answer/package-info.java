/**
 * Offline answers: ranks the sentences of the found passages, puts the answer first, gathers lists,
 * and decides when to decline.
 */
@NullMarked
package io.github.wenda.bot.answer;

import org.jspecify.annotations.NullMarked;
