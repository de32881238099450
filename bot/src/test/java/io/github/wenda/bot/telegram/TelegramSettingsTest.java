package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.bot.config.Config;
import io.github.wenda.bot.config.ConfigException;
import io.github.wenda.bot.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramSettingsTest {
  private static Config config(String... sets) {
    return ConfigLoader.load(Path.of("no-such-file.yaml"), false, Map.of(), List.of(sets));
  }

  @Test
  void defaults_point_at_the_public_api_and_allow_everyone() {
    TelegramSettings s = TelegramSettings.from(Config.defaults());
    assertThat(s.telegramUrl().getSchema()).isEqualTo("https");
    assertThat(s.telegramUrl().getHost()).isEqualTo("api.telegram.org");
    assertThat(s.telegramUrl().getPort()).isEqualTo(443);
    assertThat(s.allows(1, 2)).isTrue();
  }

  @Test
  void a_local_bot_api_server_and_allowlists() {
    TelegramSettings s =
        TelegramSettings.from(
            config(
                "telegram.api-url=http://127.0.0.1:8081/",
                "telegram.allowed-chats= 5, -1001234 ",
                "telegram.allowed-users=77"));
    assertThat(s.telegramUrl().getPort()).isEqualTo(8081);
    assertThat(s.telegramUrl().getSchema()).isEqualTo("http");
    assertThat(s.allowedChats()).containsExactlyInAnyOrder(5L, -1001234L);
    assertThat(s.allows(-1001234, 1)).isTrue();
    assertThat(s.allows(6, 77)).isTrue();
    assertThat(s.allows(6, 78)).isFalse();
  }

  @Test
  void queue_and_memory_bounds_are_read_from_their_keys() {
    TelegramSettings s =
        TelegramSettings.from(
            config(
                "telegram.max-queued=7",
                "telegram.max-queued-per-chat=3",
                "telegram.max-conversations=11",
                "telegram.remembered-answers=13"));
    assertThat(s.maxQueued()).isEqualTo(7);
    assertThat(s.maxQueuedPerChat()).isEqualTo(3);
    assertThat(s.maxConversations()).isEqualTo(11);
    assertThat(s.rememberedAnswers()).isEqualTo(13);
  }

  @Test
  void out_of_range_bounds_name_the_key() {
    assertThatThrownBy(() -> TelegramSettings.from(config("telegram.max-queued-per-chat=0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("telegram.max-queued-per-chat");
  }

  @Test
  void malformed_values_name_the_key_and_the_value() {
    assertThatThrownBy(() -> TelegramSettings.from(config("telegram.allowed-chats=12,abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("telegram.allowed-chats")
        .hasMessageContaining("'abc'");
    assertThatThrownBy(() -> TelegramSettings.from(config("telegram.api-url=ftp://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("telegram.api-url")
        .hasMessageContaining("ftp://x");
    assertThatThrownBy(
            () -> TelegramSettings.from(config("telegram.api-url=https://example.org/tg")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no path");
  }
}
