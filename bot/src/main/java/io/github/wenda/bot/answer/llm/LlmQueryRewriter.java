package io.github.wenda.bot.answer.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.wenda.bot.answer.Language;
import io.github.wenda.bot.conversation.QueryRewriter;
import io.github.wenda.bot.conversation.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Turns the latest question into a standalone question in Simplified Chinese for searching the
 * (Chinese) corpus: follow-ups such as 那它和东盟呢？ are completed from the conversation, other languages
 * are translated. Only those cost a model call: a Chinese question that the offline rules find
 * standalone (every first question) goes to search as it is. When the call fails, times out or
 * replies with nothing, the offline rules' reading is used and a note says so. Never throws.
 */
public final class LlmQueryRewriter implements QueryRewriter {
  /** How many earlier turns to show the model; follow-ups rarely reach further back. */
  static final int HISTORY_TURNS = 3;

  /** Rewrites are a line long; a longer reply is the model answering instead of rewriting. */
  static final int MAX_REWRITE_CHARS = 200;

  private static final String SYSTEM =
      """
      You rewrite the user's latest question as ONE standalone question in Simplified Chinese \
      (简体中文) for searching Chinese documents.
      - Replace pronouns and omissions (它, 那, 这个, "and X?") with what they refer to in the conversation.
      - Translate questions written in other languages into Chinese; keep names and numbers exact.
      - Do not answer the question. Reply with the rewritten question only, nothing else.
      """;

  private final ChatModel chat;
  private final Duration timeout;
  private final LlmSettings settings;
  private final QueryRewriter offline;

  /** A rewriter waiting at most {@code llm.timeout} for the model. */
  public LlmQueryRewriter(ChatModel chat, LlmSettings settings) {
    this(chat, settings, settings.timeout(), QueryRewriter.NONE);
  }

  /**
   * A rewriter waiting at most {@code timeout}, e.g. shorter than the answer's, since it runs
   * first.
   */
  public LlmQueryRewriter(
      ChatModel chat, LlmSettings settings, Duration timeout, QueryRewriter offline) {
    this.offline = Objects.requireNonNull(offline, "offline");
    this.chat = Objects.requireNonNull(chat, "chat");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("rewrite timeout must be positive, but is: " + timeout);
    }
  }

  /** The standalone Chinese form of {@code question}; the offline reading if the model fails. */
  @Override
  public String rewrite(String question, List<Turn> history) {
    return rewriteWithNotes(question, history).text();
  }

  @Override
  public Rewrite rewriteWithNotes(String question, List<Turn> history) {
    if (question == null || question.isBlank()) {
      return new Rewrite(question == null ? "" : question, List.of());
    }
    List<Turn> h = history == null ? List.of() : history;
    String offlineReading = offline.rewrite(question, h);
    boolean chinese = Language.CHINESE.equals(Language.detect(question));
    if (chinese && offlineReading.equals(question) && (h.isEmpty() || !mayFollowUp(question))) {
      // A question in the corpus's language that stands on its own: one model call (the answer),
      // not two.
      return new Rewrite(question, List.of());
    }
    try {
      ChatRequest request =
          ChatRequest.builder()
              .messages(SystemMessage.from(SYSTEM), UserMessage.from(user(question, h)))
              .build();
      LlmCall.Reply reply = LlmCall.blocking(chat, request, timeout, settings);
      String rewritten = reply.ok() ? clean(reply.text()) : "";
      if (!rewritten.isEmpty() && rewritten.length() <= MAX_REWRITE_CHARS) {
        return new Rewrite(rewritten, List.of());
      }
      return failedOver(
          question, offlineReading, reply.ok() ? "it gave no usable rewrite" : reply.failure());
    } catch (RuntimeException e) {
      return failedOver(question, offlineReading, "error: " + e.getClass().getSimpleName());
    }
  }

  private static Rewrite failedOver(String question, String offlineReading, String why) {
    String note =
        offlineReading.equals(question)
            ? "The language model could not rewrite the question ("
                + why
                + "); it was searched as written."
            : "The language model could not rewrite the question ("
                + why
                + "); searched as: "
                + offlineReading;
    return new Rewrite(offlineReading, List.of(note));
  }

  // Pronouns and ellipsis the offline rules may have left standing; the model reads them better.
  private static boolean mayFollowUp(String question) {
    return question.matches("^(那|还有|另外|它|其|该|这|此).*|.*(它|该组织|他们|她|呢[?？]?)$|.*[它她].*");
  }

  static String user(String question, List<Turn> history) {
    StringBuilder b = new StringBuilder();
    List<Turn> recent =
        history == null
            ? List.of()
            : history.subList(Math.max(0, history.size() - HISTORY_TURNS), history.size());
    if (!recent.isEmpty()) {
      b.append("Conversation so far:\n");
      for (Turn t : recent) {
        b.append("Q: ")
            .append(t.searchedAs().isBlank() ? t.question() : t.searchedAs())
            .append('\n');
        b.append("A: ").append(abbreviate(t.answer(), 200)).append('\n');
      }
      b.append('\n');
    }
    return b.append("Latest question: ").append(question.strip()).toString();
  }

  // Models like to wrap the rewrite in quotes, a label or a thinking block.
  private static String clean(String reply) {
    String s = reply.replaceAll("(?s)<think>.*?</think>", "").strip();
    s = s.replaceFirst("^(?:改写后的问题|改写|Rewritten question|Question)\\s*[:：]\\s*", "");
    s = s.replaceAll("^[\"“「'`]+|[\"”」'`]+$", "").strip();
    int newline = s.indexOf('\n');
    return newline >= 0 ? s.substring(0, newline).strip() : s;
  }

  private static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max) + "…";
  }
}
