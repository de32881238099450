package io.github.wenda.bot.answer.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.github.wenda.bot.answer.AnswerRequest;
import io.github.wenda.bot.answer.Turn;
import io.github.wenda.retrieval.chunk.Passage;
import io.github.wenda.retrieval.search.Hit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the messages for a cited summary: a system message with the rules (passages only, cite
 * {@code [n]} after each claim, say so when the passages don't answer, answer in the user's
 * language) and a user message with the passages numbered {@code [1]}…{@code [n]} in the order
 * given, then the question. Passage {@code [i]} is {@code passages.get(i - 1)}.
 */
public final class PromptBuilder {
  /** How many earlier questions to show so a follow-up such as 那它呢？ can be read. */
  static final int HISTORY_TURNS = 2;

  private static final Map<String, String> LANGUAGE_NAMES = Map.of(
      "zh", "简体中文 (Simplified Chinese)",
      "en", "English",
      "ja", "日本語 (Japanese)",
      "ko", "한국어 (Korean)",
      "fr", "français (French)",
      "de", "Deutsch (German)",
      "es", "español (Spanish)",
      "ru", "русский (Russian)");

  private PromptBuilder() {}

  /** The system and user message for {@code request} over {@code passages}. */
  public static List<ChatMessage> messages(AnswerRequest request, List<Hit> passages) {
    return List.of(SystemMessage.from(system(request.language())), UserMessage.from(user(request, passages)));
  }

  /** The rules; the only variable part is the answer language. */
  static String system(String language) {
    return """
        You answer questions using ONLY the numbered passages the user gives you; \
        ignore anything you know from elsewhere.
        Rules:
        - Answer in %s, briefly (at most a few sentences).
        - After every claim, cite the passage(s) it comes from as [n], e.g. [1] or [1][3]. \
        Cite only passage numbers that exist.
        - Copy names, numbers and dates exactly as the passages give them.
        - If the passages do not answer the question, say so plainly in one sentence and cite nothing.
        """.formatted(languageName(language));
  }

  /** The numbered passages, the earlier questions if any, and the question. */
  static String user(AnswerRequest request, List<Hit> passages) {
    StringBuilder b = new StringBuilder("Passages:\n\n");
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i).passage();
      b.append('[').append(i + 1).append("] 《").append(p.title().strip()).append('》');
      if (!p.section().isBlank()) {
        b.append(" — ").append(p.section().strip());
      }
      b.append('\n').append(p.text().strip()).append("\n\n");
    }
    List<Turn> history = request.history();
    if (!history.isEmpty()) {
      b.append("Earlier questions in this conversation:\n");
      for (Turn t : history.subList(Math.max(0, history.size() - HISTORY_TURNS), history.size())) {
        b.append("- ").append(t.question().strip()).append('\n');
      }
      b.append('\n');
    }
    return b.append("Question: ").append(request.question().strip()).toString();
  }

  /** The name of a language code as the model should read it; unknown codes mean "the question's". */
  static String languageName(String code) {
    String name = LANGUAGE_NAMES.get(code == null ? "" : code.toLowerCase(Locale.ROOT));
    return name != null ? name : "the same language as the question";
  }
}
