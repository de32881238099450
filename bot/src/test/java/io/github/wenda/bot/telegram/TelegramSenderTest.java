package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;

/** Edits Telegram calls "not modified" are nothing to do, told apart from sends that fail alike. */
class TelegramSenderTest {
  private static final String NOT_MODIFIED =
      "{\"ok\":false,\"error_code\":400,\"description\":"
          + "\"Bad Request: message is not modified: specified new message content and reply markup are exactly the same\"}";
  private FakeBotApi api;
  private OkHttpClient http;
  private TelegramSender sender;

  @BeforeEach
  void setUp() throws Exception {
    api = new FakeBotApi();
    http = new OkHttpClient();
    TelegramSettings s = TelegramBotTest.settings(api.url(), Set.of(), Set.of(), 1);
    sender =
        new TelegramSender(
            new OkHttpTelegramClient(http, FakeBotApi.TOKEN, s.telegramUrl()),
            Duration.ofMillis(1),
            3,
            new TokenScrubber(FakeBotApi.TOKEN));
  }

  @AfterEach
  void tearDown() {
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
    api.close();
  }

  @Test
  void an_edit_telegram_calls_not_modified_is_done_once_and_reported_as_unchanged() {
    int id = sender.execute(SendMessage.builder().chatId(5L).text("答案").build()).getMessageId();
    api.fail("editMessageText", 1, 400, NOT_MODIFIED);

    assertThat(sender.edit(EditMessageText.builder().chatId(5L).messageId(id).text("答案").build()))
        .isFalse();
    assertThat(api.calls("editMessageText")).hasSize(1);
    assertThat(sender.edit(EditMessageText.builder().chatId(5L).messageId(id).text("新的答案").build()))
        .isTrue();
  }

  @Test
  void a_send_refused_with_the_same_words_is_a_failure_not_an_empty_result() {
    api.fail("sendMessage", 1, 400, NOT_MODIFIED);

    assertThatThrownBy(() -> sender.execute(SendMessage.builder().chatId(5L).text("答案").build()))
        .isInstanceOf(TelegramSender.SendException.class)
        .hasMessageContaining("not modified");
  }
}
