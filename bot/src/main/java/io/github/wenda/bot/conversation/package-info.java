/**
 * Conversations: turns, follow-up resolution and merging, query rewriters, and the bounded store
 * shared by console and Telegram.
 */
@NullMarked
package io.github.wenda.bot.conversation;

import org.jspecify.annotations.NullMarked;
