package io.github.wenda.bot.answer.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.Map;

/**
 * Builds the LangChain4j clients for {@link LlmSettings}. The clients time out after {@code
 * llm.timeout}, never retry (the caller falls back to the extractive answer instead of waiting
 * twice) and never log requests or responses, which would carry the API key and the documents.
 */
public final class ChatModels {
  private ChatModels() {}

  /** A blocking client for the configured provider. */
  public static ChatModel chat(LlmSettings s) {
    return switch (s.provider()) {
      case OPENAI ->
          OpenAiChatModel.builder()
              .baseUrl(s.baseUrl())
              // LangChain4j sends "Authorization: Bearer <key>" only when the key is non-null.
              .apiKey(s.hasApiKey() ? s.apiKey() : null)
              .modelName(s.model())
              .temperature(s.temperature())
              .timeout(s.timeout())
              .maxRetries(0)
              .logRequests(false)
              .logResponses(false)
              .build();
      case OLLAMA ->
          OllamaChatModel.builder()
              .maxRetries(0)
              .baseUrl(s.baseUrl())
              .modelName(s.model())
              .temperature(s.temperature())
              .timeout(s.timeout())
              .customHeaders(authorization(s))
              .logRequests(false)
              .logResponses(false)
              .build();
    };
  }

  /** A streaming client for the configured provider; LangChain4j never retries streams. */
  public static StreamingChatModel streaming(LlmSettings s) {
    return switch (s.provider()) {
      case OPENAI ->
          OpenAiStreamingChatModel.builder()
              .baseUrl(s.baseUrl())
              .apiKey(s.hasApiKey() ? s.apiKey() : null)
              .modelName(s.model())
              .temperature(s.temperature())
              .timeout(s.timeout())
              .logRequests(false)
              .logResponses(false)
              .build();
      case OLLAMA ->
          OllamaStreamingChatModel.builder()
              .baseUrl(s.baseUrl())
              .modelName(s.model())
              .temperature(s.temperature())
              .timeout(s.timeout())
              .customHeaders(authorization(s))
              .logRequests(false)
              .logResponses(false)
              .build();
    };
  }

  // Ollama itself takes no key, but a reverse proxy or a hosted Ollama in front of it may.
  private static Map<String, String> authorization(LlmSettings s) {
    return s.hasApiKey() ? Map.of("Authorization", "Bearer " + s.apiKey()) : Map.of();
  }
}
