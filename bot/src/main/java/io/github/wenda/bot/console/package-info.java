/**
 * The local console: a JLine loop that answers questions and follow-ups with terminal-safe output.
 */
@NullMarked
package io.github.wenda.bot.console;

import org.jspecify.annotations.NullMarked;
