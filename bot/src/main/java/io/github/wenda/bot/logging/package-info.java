/**
 * Logging set up in code (no XML parsed at start): quiet stderr console, a log file under the data
 * folder only.
 */
@NullMarked
package io.github.wenda.bot.logging;

import org.jspecify.annotations.NullMarked;
