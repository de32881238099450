/** The reply to one question as every front end gives it: a provisional draft, then the checked answer or a notice. */
package io.github.wenda.bot.reply;
