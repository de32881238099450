/**
 * Plain-text rendering of answers for terminals and files: excerpts, wrapping by display width,
 * styles.
 */
@NullMarked
package io.github.wenda.bot.render;

import org.jspecify.annotations.NullMarked;
