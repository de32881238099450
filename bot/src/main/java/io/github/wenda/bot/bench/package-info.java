/**
 * Speed measurements: Wenda against a plain LangChain4j pipeline timed side by side, the scale
 * curve and the soak run.
 */
@NullMarked
package io.github.wenda.bot.bench;

import org.jspecify.annotations.NullMarked;
