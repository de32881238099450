package io.github.wenda.bot.answer.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerComposer;
import io.github.wenda.bot.answer.AnswerRequest;
import io.github.wenda.bot.answer.TokenSink;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import io.github.wenda.retrieval.api.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with an LLM-written summary of the top {@code llm.passages} hits, cited {@code [n]} and
 * checked claim by claim by {@link CitationChecker}. The outcome follows the check: every claim
 * supported gives the answer; some unsupported gives the answer with those marked or removed and a
 * one-line note; none supported, or the model saying the passages don't answer, gives "not found"
 * with the passages as related quotes; a cut-off reply drops its unfinished sentence and says so.
 * When the LLM fails, times out or replies with nothing, returns the fallback composer's answer
 * with a note saying why. Never throws.
 *
 * <p>With streaming, the sink receives the raw tokens as they arrive (on a client thread); they are
 * provisional. The returned answer holds only checked text, so the caller must replace what it
 * showed with it.
 */
public final class LlmComposer implements AnswerComposer {
  private static final Logger LOG = LoggerFactory.getLogger(LlmComposer.class);
  private static final String FALLBACK = "; answered from the passages directly.";
  // Reasoning models served without a "think" switch put their reasoning inline.
  private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?</think>");

  private final ChatModel chat;
  private final StreamingChatModel streaming;
  private final LlmSettings settings;
  private final AnswerComposer fallback;
  private final CitationChecker checker;

  /**
   * @param chat the blocking client, used when not streaming
   * @param streaming the streaming client, or null to never stream
   * @param settings passages, timeout, checking policy and whether to stream
   * @param fallback the offline composer that answers when the LLM can't
   * @param vocabulary word rarity in the corpus, for the checker
   */
  public LlmComposer(
      ChatModel chat,
      StreamingChatModel streaming,
      LlmSettings settings,
      AnswerComposer fallback,
      Vocabulary vocabulary) {
    this.chat = Objects.requireNonNull(chat, "chat");
    this.streaming = streaming;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.checker = CitationChecker.of(settings, vocabulary);
  }

  /**
   * A composer with clients built by {@link ChatModels}; the streaming one only if {@code
   * llm.stream}.
   */
  public static LlmComposer create(
      LlmSettings settings, AnswerComposer fallback, Vocabulary vocabulary) {
    return new LlmComposer(
        ChatModels.chat(settings),
        settings.stream() ? ChatModels.streaming(settings) : null,
        settings,
        fallback,
        vocabulary);
  }

  @Override
  public Answer compose(AnswerRequest request, List<Hit> hits, TokenSink sink) {
    if (hits.isEmpty()) {
      // Nothing to summarise; the fallback decides how to say "not found".
      return fallback.compose(request, hits, sink);
    }
    List<Hit> passages = List.copyOf(hits.subList(0, Math.min(settings.passages(), hits.size())));
    try {
      ChatRequest chatRequest =
          ChatRequest.builder().messages(PromptBuilder.messages(request, passages)).build();
      LlmCall.Reply reply =
          settings.stream() && streaming != null
              ? LlmCall.streaming(
                  streaming,
                  chatRequest,
                  settings.timeout(),
                  sink == null ? TokenSink.NONE : sink,
                  settings)
              : LlmCall.blocking(chat, chatRequest, settings.timeout(), settings);
      if (!reply.ok()) {
        return fallback(
            request, hits, sink, "LLM unavailable (" + reply.failure() + ")" + FALLBACK);
      }
      String text = THINKING.matcher(reply.text()).replaceAll("").strip();
      if (text.isEmpty()) {
        return fallback(request, hits, sink, "LLM gave an empty reply" + FALLBACK);
      }
      return outcome(
          checker.check(text, passages, request.language(), reply.truncated()),
          passages,
          request.language());
    } catch (RuntimeException e) {
      // Belt and braces: a bug here must cost the summary, not the answer.
      LOG.info("LLM composer failed: {}", e.getClass().getName());
      return fallback(
          request,
          hits,
          sink,
          "LLM unavailable (error: " + e.getClass().getSimpleName() + ")" + FALLBACK);
    }
  }

  /**
   * The answer the check allows: found, found with marks, or not found with the passages as
   * related.
   */
  Answer outcome(CheckedReply checked, List<Hit> passages, String language) {
    List<String> notes = notes(checked);
    if (checked.outcome() == CheckedReply.Outcome.NOT_FOUND && checked.declined()) {
      notes.add(0, "The language model found no answer in the passages.");
      return Answer.notFound(passages, notes).withSentences(checked.sentences());
    }
    if (checked.supportsNothing()) {
      notes.add(
          0,
          "Nothing the language model wrote could be found in the passages, so it is not shown.");
      return Answer.notFound(passages, notes).withSentences(checked.sentences());
    }
    return Answer.found(checked.text(), checked.citations(), notes)
        .withSentences(checked.sentences());
  }

  private Answer fallback(AnswerRequest request, List<Hit> hits, TokenSink sink, String note) {
    return fallback.compose(request, hits, sink).withNote(note);
  }

  private List<String> notes(CheckedReply checked) {
    List<String> notes = new ArrayList<>();
    if (checked.cut()) {
      notes.add(
          "The language model's reply was cut off; its unfinished last sentence is not shown.");
    }
    int dropped = checked.droppedMarkers();
    if (dropped > 0) {
      notes.add(
          "Dropped "
              + dropped
              + (dropped == 1 ? " citation marker" : " citation markers")
              + " that pointed to no passage.");
    }
    int unsupported = checked.unsupportedSentences();
    if (unsupported > 0 && !checked.supportsNothing() && !checked.declined()) {
      String sentences = unsupported == 1 ? "1 sentence" : unsupported + " sentences";
      notes.add(
          settings.unsupported() == UnsupportedPolicy.MARK
              ? sentences
                  + " not supported by the passages "
                  + (unsupported == 1 ? "is" : "are")
                  + " marked."
              : "Removed " + sentences + " not supported by the passages.");
    }
    return notes;
  }
}
