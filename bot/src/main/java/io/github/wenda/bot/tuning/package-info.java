/** Retrieval tuning: the settings sweep, its report and chart, and saving the chosen point. */
@NullMarked
package io.github.wenda.bot.tuning;

import org.jspecify.annotations.NullMarked;
