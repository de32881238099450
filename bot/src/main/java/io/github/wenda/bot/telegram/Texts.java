package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Language;

/** The bot's fixed sentences in Chinese or English, chosen from the question's language. */
record Texts(boolean zh) {
  static Texts forQuestion(String question) {
    return new Texts(Language.CHINESE.equals(Language.detect(question)));
  }

  /**
   * For a question, its language; for commands and buttons, which carry none, the user's Telegram
   * language.
   */
  static Texts of(Incoming.FromUser in) {
    return in instanceof Incoming.Question q
        ? forQuestion(q.text())
        : forUserLanguage(in.languageCode());
  }

  /** For commands, which carry no question: the user's Telegram language. */
  static Texts forUserLanguage(String languageCode) {
    return new Texts(
        languageCode != null && languageCode.toLowerCase(java.util.Locale.ROOT).startsWith("zh"));
  }

  String sources() {
    return zh ? "来源" : "Sources";
  }

  String notFound() {
    return zh ? "文档中似乎没有这个问题的答案。" : "The documents don't seem to cover this question.";
  }

  String related() {
    return zh ? "可能相关" : "Possibly related";
  }

  String relatedNotAnswer() {
    return zh ? "相关内容（不是答案）" : "Related (not an answer)";
  }

  /** For a sticker, or a photo or file without a caption: what Wenda can read. */
  String textOnly() {
    return zh
        ? "我只能读文字：请用文字提问，或在图片说明里写上问题。"
        : "I can only read text: type your question, or put it in the photo's caption.";
  }

  String showPassage(int n) {
    return zh ? "全文 [" + n + "]" : "Full [" + n + "]";
  }

  String moreResults() {
    return zh ? "更多结果" : "More results";
  }

  String noMoreResults() {
    return zh ? "没有更多结果了。" : "No more results.";
  }

  String expired() {
    return zh ? "这个回答太旧了，请重新提问。" : "This answer is too old; please ask again.";
  }

  String thanks() {
    return zh ? "谢谢反馈！" : "Thanks for the feedback!";
  }

  String refused(long chatId) {
    return zh
        ? "抱歉，这个机器人只对指定的聊天开放。如需使用，请把聊天 ID " + chatId + " 告诉管理员。"
        : "Sorry, this bot only answers in approved chats. To ask for access, give the operator this chat id: "
            + chatId
            + ".";
  }

  String rateLimited(long seconds) {
    return zh
        ? "问得太快了，请 " + seconds + " 秒后再试。"
        : "That's a lot of questions; please try again in " + seconds + " s.";
  }

  String tooLong(int length, int max) {
    return zh
        ? "问题太长了（" + length + " 字，最多 " + max + " 字），请简短一些。"
        : "That question is too long ("
            + length
            + " characters, at most "
            + max
            + "); please shorten it.";
  }

  String busy() {
    return zh ? "现在太忙了，请稍后再问。" : "I'm too busy right now; please ask again in a moment.";
  }

  String failed() {
    return zh
        ? "抱歉，回答时出错了，请稍后再试。"
        : "Sorry, something went wrong while answering; please try again later.";
  }

  String reset() {
    return zh ? "好的，之前的对话已清除。" : "Done: I've forgotten our conversation.";
  }

  String emptyAsk() {
    return zh
        ? "请在命令后写上问题，例如：/ask 上海合作组织是哪一年成立的？"
        : "Put the question after the command, e.g. /ask When was the SCO founded?";
  }

  String unknownCommand(String command) {
    return zh
        ? "不认识的命令 /" + command + "，发送 /help 查看用法。"
        : "Unknown command /" + command + "; send /help to see what I can do.";
  }

  String documents() {
    return zh ? "我能回答这些文档里的问题" : "I answer questions from these documents";
  }

  /** The heading over files that could not be read, in /help and /sources. */
  String notIndexed() {
    return zh ? "未收录" : "Not indexed";
  }

  String examples() {
    return zh ? "可以这样问" : "Try asking";
  }

  String usage() {
    return zh
        ? "直接发送问题即可；在群里请用 /ask 问题、@我 或回复我的消息。\n/sources 文档列表 · /reset 忘记对话 · /help 帮助"
        : "Just send a question; in groups use /ask, mention me or reply to my messages.\n/sources list the documents · /reset forget the conversation · /help this help";
  }
}
