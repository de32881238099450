package io.github.wenda.bot.telegram;

/**
 * Where a reply goes: the chat, and the message it answers. In groups the reply quotes that message
 * ({@code quote}), so a busy group sees which question is answered.
 */
record ReplyTarget(long chatId, int messageId, boolean quote) {}
