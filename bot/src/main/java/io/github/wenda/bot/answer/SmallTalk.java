package io.github.wenda.bot.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Greetings, thanks and "what can you do" get a short reply saying what Wenda answers, instead of a
 * search that finds nothing. Only whole messages that are nothing but small talk qualify: 你好，
 * 上合组织是什么时候成立的？ is a question.
 */
public final class SmallTalk {
  private static final Pattern GREETING =
      Pattern.compile(
          "(你好|您好|大家好|嗨|哈喽|哈啰|早上好|上午好|中午好|下午好|晚上好|早安|晚安|在吗|在不在|hello|hi|hey|good (morning|afternoon|evening)|你是谁|你能做什么|你会什么|你可以做什么|能做什么|what can you do|who are you|help|帮助)");
  private static final Pattern THANKS =
      Pattern.compile("(谢谢你?|谢谢您|多谢|感谢|辛苦了|好的|好|明白了|知道了|ok|okay|thanks?( you)?|thx|再见|拜拜|bye)");
  private static final Pattern FILLER =
      Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}～~啊呀哦哈嘛啦呢吧！？。，、]+");

  private final String topics;

  /**
   * @param topics what the documents are about, e.g. their titles joined, shown in the reply
   */
  public SmallTalk(String topics) {
    this.topics = topics;
  }

  public static SmallTalk generic() {
    return new SmallTalk("");
  }

  /** The reply to small talk, or empty when the text is a question for the documents. */
  public Optional<String> reply(String text, boolean zh) {
    String t =
        FILLER
            .matcher(text.toLowerCase(Locale.ROOT))
            .replaceAll(" ")
            .strip()
            .replaceAll("\\s+", " ");
    if (t.isEmpty() || t.length() > 24) {
      return Optional.empty();
    }
    String squeezed = t.replace(" ", "");
    boolean greeting = matchesAll(GREETING, t);
    boolean thanks = !greeting && matchesAll(THANKS, t);
    if (!greeting && !thanks && !squeezed.matches("(你好|您好)(wenda)?")) {
      return Optional.empty();
    }
    String about = topics.isBlank() ? "" : (zh ? "（" + topics + "）" : " (" + topics + ")");
    if (thanks) {
      return Optional.of(
          zh
              ? "不客气！还有问题可以随时问我，我会引用文档" + about + "回答。"
              : "You're welcome! Ask me anything about the documents"
                  + about
                  + "; I answer by quoting them.");
    }
    return Optional.of(
        zh
            ? "你好！我是 Wenda，只回答文档" + about + "里的问题，并注明每句话的出处。请直接提问。"
            : "Hello! I'm Wenda: I answer questions about the documents"
                + about
                + " and cite where each answer comes from. Just ask.");
  }

  private static boolean matchesAll(Pattern words, String t) {
    // Every token of the message is small talk: "hi there" no, "你好 谢谢" yes.
    for (String part : t.split(" ")) {
      if (!words.matcher(part).matches()) {
        String rest = words.matcher(part).replaceAll("");
        if (!rest.isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }
}
