/**
 * Settings: the schema that defines every key once, YAML loading with errors that name file, line
 * and key, and the binder to typed records.
 */
@NullMarked
package io.github.wenda.bot.config;

import org.jspecify.annotations.NullMarked;
