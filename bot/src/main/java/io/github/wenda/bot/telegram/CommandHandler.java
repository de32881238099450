package io.github.wenda.bot.telegram;

import io.github.wenda.bot.conversation.ConversationStore;

/**
 * The commands: /start and /help (usage, documents, example questions), /sources (the documents and
 * the files that could not be read), /reset (forget the chat's conversation), /ask without a
 * question, the hint for a message with nothing to read, and unknown commands in private chats.
 */
final class CommandHandler {
  private final BotCatalog catalog;
  private final ConversationStore<Long> conversations;
  private final TelegramReplies replies;
  private final HtmlRenderer renderer;

  CommandHandler(
      BotCatalog catalog,
      ConversationStore<Long> conversations,
      TelegramReplies replies,
      HtmlRenderer renderer) {
    this.catalog = catalog;
    this.conversations = conversations;
    this.replies = replies;
    this.renderer = renderer;
  }

  void run(Incoming.Command c) {
    Texts t = Texts.forUserLanguage(c.languageCode());
    ReplyTarget to = c.target();
    switch (c.name()) {
      case "start", "help" -> replies.sendSplit(to, renderer.help(catalog, t));
      case "sources" -> replies.sendSplit(to, renderer.documents(catalog, t));
      case "reset" -> {
        conversations.reset(c.chatId());
        replies.send(to, renderer.notice(t.reset()));
      }
      case "ask" -> replies.send(to, renderer.notice(t.emptyAsk()));
      case UpdateRouter.TEXT_ONLY -> replies.send(to, renderer.notice(t.textOnly()));
      default -> {
        if (!c.group()) { // in groups, an unknown command is probably another bot's
          replies.send(to, renderer.notice(t.unknownCommand(c.name())));
        }
      }
    }
  }
}
