/**
 * The reply to one question as every front end gives it: a provisional draft, then the checked
 * answer or a notice.
 */
@NullMarked
package io.github.wenda.bot.reply;

import org.jspecify.annotations.NullMarked;
