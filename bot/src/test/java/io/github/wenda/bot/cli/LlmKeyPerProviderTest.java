package io.github.wenda.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.llm.ChatModels;
import io.github.wenda.bot.answer.llm.FakeLlmServer;
import io.github.wenda.bot.answer.llm.LlmSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI key from the environment reaches an Ollama server only when llm.ollama-sends-key says
 * so.
 */
class LlmKeyPerProviderTest {
  private static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-test-SECRET-91ab");

  private LlmSettings settings(String... overrides) {
    List<String> all =
        new java.util.ArrayList<>(List.of("llm.model=qwen-test", "data.dir=.wenda-keytest"));
    all.addAll(List.of(overrides));
    Launch launch = Launch.from(Path.of("..", "config", "wenda.yaml"), all, false, ENV);
    return Answering.llmSettings(launch).orElseThrow();
  }

  @Test
  void an_ollama_server_gets_no_key_by_default() {
    try (FakeLlmServer server = FakeLlmServer.start()) {
      // given
      server.then(FakeLlmServer.Script.reply("好"));
      LlmSettings s = settings("llm.provider=ollama", "llm.base-url=" + server.ollamaBaseUrl());

      // when: the real LangChain4j Ollama client makes a call
      ChatModels.chat(s).chat("你好");

      // then
      assertThat(s.hasApiKey()).isFalse();
      assertThat(server.lastRequest().headers()).doesNotContainKey("authorization");
    }
  }

  @Test
  void an_ollama_server_gets_the_key_when_configured_to() {
    assertThat(settings("llm.provider=ollama", "llm.ollama-sends-key=true").apiKey())
        .isEqualTo("sk-test-SECRET-91ab");
  }

  @Test
  void an_openai_compatible_server_gets_the_key() {
    assertThat(settings("llm.provider=openai").apiKey()).isEqualTo("sk-test-SECRET-91ab");
  }
}
