/**
 * Data files that only the user running Wenda may read: folders 0700, files 0600, appends forced to
 * disk.
 */
@NullMarked
package io.github.wenda.bot.storage;

import org.jspecify.annotations.NullMarked;
