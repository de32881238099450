package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.config.Secret;
import io.github.wenda.bot.telegram.FakeBotApi.Call;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Wenda meets what people send in Telegram (issue #11's channel layouts): a photo's caption is
 * a question, a sticker or a bare photo gets a one-line hint, and a reply that is ready at once
 * arrives as one message, never as a "…" placeholder edited a moment later. Through the real
 * TelegramBots client against {@link FakeBotApi}.
 */
class TelegramChannelLayoutTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private FakeBotApi api;
  private final FakeAnswerer answerer = new FakeAnswerer();
  private TelegramBotRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    api = new FakeBotApi();
    runner =
        TelegramBotRunner.start(
            TelegramBotTest.settings(api.url(), Set.of(), Set.of(), 4),
            Secret.fromEnv(Map.of("T", FakeBotApi.TOKEN), "T"),
            answerer,
            new BotCatalog(List.of("上海合作组织"), List.of()),
            new FeedbackLog(dir.resolve("feedback.jsonl")),
            5,
            dir.resolve("updates.jsonl"));
  }

  @AfterEach
  void tearDown() {
    runner.close();
    api.close();
  }

  private List<Call> awaitSends(long chat, int n) throws InterruptedException {
    api.await(
        calls ->
            calls.stream()
                    .filter(c -> c.method().equalsIgnoreCase("sendMessage") && c.chatId() == chat)
                    .count()
                >= n,
        WAIT,
        n + " messages to chat " + chat);
    return api.calls("sendMessage").stream().filter(c -> c.chatId() == chat).toList();
  }

  /**
   * A private text after the case under test: once it is answered, everything before it was
   * handled.
   */
  private void settle(long chat) throws InterruptedException {
    int before = (int) api.calls("sendMessage").stream().filter(c -> c.chatId() == chat).count();
    api.privateText(chat, chat, "/help");
    awaitSends(chat, before + 1);
  }

  @Test
  void a_photo_with_a_caption_is_answered_from_the_caption() throws Exception {
    api.privatePhoto(5, 50, "  上海合作组织是哪一年成立的？ ");

    Call reply = awaitSends(5, 1).get(0);

    assertThat(answerer.asked).containsExactly("上海合作组织是哪一年成立的？");
    assertThat(reply.text()).startsWith("Answer to: 上海合作组织是哪一年成立的？ [1]");
    assertThat(reply.body().path("reply_markup").path("inline_keyboard").isArray()).isTrue();
  }

  @Test
  void a_sticker_gets_a_one_line_hint_and_no_answer() throws Exception {
    api.sticker(6, "private", 60);

    Call hint = awaitSends(6, 1).get(0);

    assertThat(hint.text())
        .isEqualTo("I can only read text: type your question, or put it in the photo's caption.");
    assertThat(hint.text()).doesNotContain("\n");
    assertThat(answerer.asked).isEmpty();
  }

  @Test
  void a_photo_without_a_caption_gets_the_same_hint() throws Exception {
    api.privatePhoto(7, 70, null);

    assertThat(awaitSends(7, 1).get(0).text()).startsWith("I can only read text");
    assertThat(answerer.asked).isEmpty();
  }

  @Test
  void a_sticker_in_a_group_is_chatter_and_gets_no_reply() throws Exception {
    long group = -100555;
    api.sticker(group, "supergroup", 80);
    api.groupText(group, 80, "/help@wenda_bot");

    List<Call> sends = awaitSends(group, 1);
    Thread.sleep(200); // nothing else may arrive

    assertThat(api.calls("sendMessage").stream().filter(c -> c.chatId() == group)).hasSize(1);
    assertThat(sends.get(0).text()).doesNotContain("I can only read text");
  }

  @Test
  void a_reply_ready_at_once_is_sent_once_without_a_placeholder() throws Exception {
    // An extractive answer hands its whole text to the sink at once, then returns.
    answerer.streamTokens = List.of("Answer to: ready ", "[1]");
    api.privateText(9, 90, "ready");

    Call reply = awaitSends(9, 1).get(0);
    settle(9);

    assertThat(reply.text()).startsWith("Answer to: ready [1]").doesNotEndWith(" …");
    assertThat(reply.body().has("reply_markup")).isTrue();
    assertThat(api.calls("editMessageText")).isEmpty();
    assertThat(awaitSends(9, 2))
        .hasSize(2); // the answer and the /help of settle(), nothing between them
  }

  @Test
  void a_slow_streamed_reply_shows_a_preview_then_becomes_the_answer() throws Exception {
    answerer.streamTokens = List.of("上海", "合作", "组织", "成立", "于", "2001", "年", "。");
    answerer.delayMs = 800; // longer than the test's 100 ms edit interval: previews are due

    api.privateText(10, 100, "slow");
    api.await(
        calls ->
            calls.stream()
                .anyMatch(
                    c ->
                        c.method().equalsIgnoreCase("editMessageText")
                            && c.body().has("reply_markup")),
        WAIT,
        "the final edit");

    List<Call> sends = awaitSends(10, 1);
    assertThat(sends).hasSize(1);
    assertThat(sends.get(0).text()).endsWith(" …");
    assertThat(sends.get(0).body().has("reply_markup")).isFalse();
  }
}
