package io.github.wenda.bot.answer.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.bot.answer.llm.LlmSettings.Provider;
import io.github.wenda.bot.answer.llm.LlmSettings.UnsupportedPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
  private static LlmSettings with(
      String url, double temperature, Duration timeout, int passages, double overlap) {
    return new LlmSettings(
        Provider.OPENAI,
        url,
        "deepseek-chat",
        temperature,
        timeout,
        Fixtures.API_KEY,
        passages,
        UnsupportedPolicy.MARK,
        overlap,
        true);
  }

  @Test
  void toString_masksTheKeyAndTheUrlsQueryString() {
    // given
    LlmSettings s =
        with(
            "https://user:pw@api.example.com/v1?key=" + Fixtures.API_KEY,
            0.2,
            Duration.ofSeconds(5),
            5,
            0.3);

    // then
    assertThat(s.toString())
        .doesNotContain(Fixtures.API_KEY)
        .doesNotContain("pw@")
        .contains("apiKey=***", "baseUrl=https://api.example.com/v1,", "model=deepseek-chat");
    assertThat(s.hasApiKey()).isTrue();
  }

  @Test
  void invalidValues_areRejectedWithTheKeyAndValue() {
    assertThatThrownBy(() -> with("http://localhost:8080/v1", 3.0, Duration.ofSeconds(5), 5, 0.3))
        .hasMessage("llm.temperature must be between 0.0 and 2.0, but is: 3.0");
    assertThatThrownBy(() -> with("http://localhost:8080/v1", 0.2, Duration.ZERO, 5, 0.3))
        .hasMessage("llm.timeout-seconds must be positive, but is: PT0S");
    assertThatThrownBy(() -> with("http://localhost:8080/v1", 0.2, Duration.ofSeconds(5), 0, 0.3))
        .hasMessage("llm.passages must be between 1 and 20, but is: 0");
    assertThatThrownBy(() -> with("http://localhost:8080/v1", 0.2, Duration.ofSeconds(5), 5, 1.5))
        .hasMessage("llm.min-support must be between 0.0 and 1.0, but is: 1.5");
    assertThatThrownBy(() -> with("ftp://host/x?token=abc", 0.2, Duration.ofSeconds(5), 5, 0.3))
        .hasMessage("llm.base-url must be an http(s) URL, but is: ftp://host/x");
  }

  @Test
  void choices_parseCaseInsensitivelyAndListTheAllowedValues() {
    assertThat(Provider.parse(" Ollama ")).isEqualTo(Provider.OLLAMA);
    assertThat(UnsupportedPolicy.parse("REMOVE")).isEqualTo(UnsupportedPolicy.REMOVE);
    assertThatThrownBy(() -> Provider.parse("gemini"))
        .hasMessage("llm.provider must be one of [openai, ollama], but is: gemini");
    assertThatThrownBy(() -> UnsupportedPolicy.parse("hide"))
        .hasMessage("llm.unsupported must be one of [mark, remove], but is: hide");
  }

  @Test
  void missingKey_isEmptyNotNull() {
    LlmSettings s =
        new LlmSettings(
            Provider.OLLAMA,
            "http://localhost:11434",
            "qwen2.5:7b",
            0.2,
            Duration.ofSeconds(30),
            null,
            5,
            UnsupportedPolicy.MARK,
            LlmSettings.DEFAULT_MIN_SUPPORT,
            false);
    assertThat(s.apiKey()).isEmpty();
    assertThat(s.hasApiKey()).isFalse();
    assertThat(s.toString()).contains("apiKey=(none)");
  }
}
