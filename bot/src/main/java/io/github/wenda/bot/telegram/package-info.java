/**
 * The Telegram bot: journaled long polling, routing by update kind, one access guard, replies,
 * commands and buttons.
 */
@NullMarked
package io.github.wenda.bot.telegram;

import org.jspecify.annotations.NullMarked;
