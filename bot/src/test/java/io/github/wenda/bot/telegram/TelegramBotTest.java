package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.config.Secret;
import io.github.wenda.bot.telegram.FakeBotApi.Call;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot through the real TelegramBots library, against {@link FakeBotApi} over HTTP. */
class TelegramBotTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private FakeBotApi api;
  private final FakeAnswerer answerer = new FakeAnswerer();
  private TelegramBotRunner runner;

  @BeforeEach
  void setUp() throws Exception {
    api = new FakeBotApi();
  }

  @AfterEach
  void tearDown() {
    if (runner != null) {
      runner.close();
    }
    api.close();
  }

  static TelegramSettings settings(URI url, Set<Long> chats, Set<Long> users, int workers) {
    return new TelegramSettings(
        url,
        false,
        chats,
        users,
        100,
        500,
        workers,
        Duration.ofSeconds(5),
        1,
        Duration.ofMillis(200),
        Duration.ofMillis(100),
        Duration.ofMillis(50),
        6,
        1000,
        20,
        10_000,
        5000);
  }

  private TelegramBotRunner start(TelegramSettings s) {
    runner =
        TelegramBotRunner.start(
            s,
            Secret.fromEnv(Map.of("T", FakeBotApi.TOKEN), "T"),
            answerer,
            new BotCatalog(List.of("上海合作组织 <研究>"), List.of("上海合作组织是哪一年成立的？")),
            new FeedbackLog(dir.resolve("feedback.jsonl")),
            5,
            dir.resolve("updates.jsonl"));
    return runner;
  }

  private TelegramBotRunner start() {
    return start(settings(api.url(), Set.of(), Set.of(), 8));
  }

  private List<Call> sendsTo(long chat) {
    return api.calls("sendMessage").stream().filter(c -> c.chatId() == chat).toList();
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
    return sendsTo(chat);
  }

  private static List<String> callbackData(Call c) {
    return c
        .body()
        .path("reply_markup")
        .path("inline_keyboard")
        .findValues("callback_data")
        .stream()
        .map(JsonNode::asText)
        .toList();
  }

  @Test
  void registration_deletes_the_webhook_and_checks_the_token() throws Exception {
    start();
    api.await(
        calls -> calls.stream().anyMatch(c -> c.method().equalsIgnoreCase("getUpdates")),
        WAIT,
        "polling");
    assertThat(api.calls("getMe")).hasSize(1);
    assertThat(api.calls("deleteWebhook")).hasSize(1);
    assertThat(runner.username()).isEqualTo(FakeBotApi.BOT_NAME);
  }

  @Test
  void a_private_question_gets_a_cited_html_reply_with_buttons() throws Exception {
    start();
    api.privateText(7, 70, "What is the SCO? <b>bold</b> & co");

    Call reply = awaitSends(7, 1).get(0);

    String html = reply.text();
    assertThat(reply.body().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    assertThat(HtmlCheck.problem(html)).isNull();
    assertThat(html)
        .contains("Answer to: What is the SCO? &lt;b&gt;bold&lt;/b&gt; &amp; co [1]")
        .contains("<b>Sources</b>")
        .contains("[1] <b>标题 &lt;A&amp;B&gt;</b> · 一 引言")
        .contains("<blockquote expandable>[1] ")
        .contains(
            "<b>上海合作组织</b>成立于2001年。&lt;script&gt;alert(1)&lt;/script&gt; &amp; more.</blockquote>");
    assertThat(callbackData(reply))
        .hasSize(4)
        .allMatch(d -> d.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 64)
        .anyMatch(d -> d.startsWith("p:"))
        .anyMatch(d -> d.startsWith("m:"))
        .anyMatch(d -> d.endsWith(":u"));
    assertThat(api.calls("sendChatAction"))
        .isNotEmpty()
        .allMatch(c -> c.body().path("action").asText().equals("typing"));
    assertThat(answerer.asked).containsExactly("What is the SCO? <b>bold</b> & co");
  }

  @Test
  void typing_is_renewed_while_a_slow_answer_is_worked_on() throws Exception {
    answerer.delayMs = 700;
    start();
    api.privateText(7, 70, "slow question");
    awaitSends(7, 1);
    assertThat(api.calls("sendChatAction").size())
        .isGreaterThanOrEqualTo(3); // every 200 ms in tests, 4 s in use
  }

  @Test
  void a_long_answer_arrives_as_valid_parts_within_the_limit() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 10_000; i++) {
      text.append("第").append(i).append("句话说明了<一件事>&另一件事。");
      if (i % 12 == 11) {
        text.append("\n\n");
      }
    }
    Answer base = FakeAnswerer.cited("x");
    answerer.answers = q -> Answer.found(text.toString(), base.citations(), List.of());
    start();
    api.privateText(8, 80, "long one");

    api.await(
        calls ->
            calls.stream()
                .anyMatch(
                    c ->
                        c.method().equalsIgnoreCase("sendMessage")
                            && c.chatId() == 8
                            && c.body().has("reply_markup")),
        WAIT,
        "the last part, with buttons");
    List<Call> parts = sendsTo(8);

    assertThat(parts.size()).isGreaterThanOrEqualTo(3);
    for (Call p : parts) {
      assertThat(p.text().length()).isLessThanOrEqualTo(4096);
      assertThat(HtmlCheck.problem(p.text())).as(p.text()).isNull();
    }
    assertThat(parts.subList(0, parts.size() - 1)).noneMatch(p -> p.body().has("reply_markup"));
    String joined = String.join("", parts.stream().map(Call::text).toList()).replaceAll("\\s", "");
    assertThat(joined).contains("第0句话说明了&lt;一件事&gt;&amp;另一件事。").contains("<b>Sources</b>");
    // Cuts fall at sentence ends: every part but the last ends a sentence.
    for (Call p : parts.subList(0, parts.size() - 2)) {
      assertThat(p.text()).endsWith("。");
    }
  }

  @Test
  void buttons_show_the_passage_more_results_and_record_votes() throws Exception {
    start();
    api.privateText(9, 90, "按钮");
    Call reply = awaitSends(9, 1).get(0);
    Map<String, String> data = new HashMap<>();
    for (String d : callbackData(reply)) {
      data.put(
          d.startsWith("f:") ? d.substring(0, 1) + d.charAt(d.length() - 1) : d.substring(0, 1), d);
    }
    int messageId = 5000;

    api.callback(9, 90, messageId, data.get("p"));
    List<Call> sends = awaitSends(9, 2);
    assertThat(sends.get(1).text())
        .startsWith("[1] <b>标题 &lt;A&amp;B&gt;</b>")
        .contains("&lt;script&gt;");

    api.callback(9, 90, messageId, data.get("m"));
    sends = awaitSends(9, 3);
    assertThat(sends.get(2).text())
        .contains("更多结果")
        .contains("Passage 2 about 按钮")
        .doesNotContain("Passage 1 ");

    api.callback(9, 90, messageId, data.get("fd"));
    api.await(
        calls ->
            calls.stream().filter(c -> c.method().equalsIgnoreCase("answerCallbackQuery")).count()
                >= 3,
        WAIT,
        "three callback answers");
    assertThat(api.calls("answerCallbackQuery").get(2).body().path("text").asText())
        .isEqualTo("谢谢反馈！");
    List<String> lines = Files.readAllLines(dir.resolve("feedback.jsonl"));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains("\"vote\":\"down\"")
        .contains("\"question\":\"按钮\"")
        .contains("\"chatId\":9")
        .contains("\"docId\":\"doc1\"");

    api.callback(9, 90, messageId, "p:zzzz:1");
    api.await(
        calls ->
            calls.stream().filter(c -> c.method().equalsIgnoreCase("answerCallbackQuery")).count()
                >= 4,
        WAIT,
        "expired answer");
    assertThat(api.calls("answerCallbackQuery").get(3).body().path("text").asText())
        .contains("too old");
  }

  @Test
  void groups_answer_commands_replies_and_mentions_and_ignore_chatter() throws Exception {
    start();
    long group = -100123;
    api.groupText(group, 1, "just chatting about 上海");
    api.groupText(group, 1, "/ask@other_bot not for us");
    api.groupText(group, 1, "/ask@Wenda_Bot 第一个问题");
    api.groupText(group, 1, "@wenda_bot 第二个问题");
    api.groupReplyToBot(group, 1, "第三个问题");
    api.groupText(group, 1, "/unknown");
    api.groupText(group, 1, "/help@wenda_bot");

    List<Call> sends = awaitSends(group, 4);
    Thread.sleep(300); // nothing else may arrive

    assertThat(answerer.asked).containsExactly("第一个问题", "第二个问题", "第三个问题");
    assertThat(sendsTo(group)).hasSize(4);
    assertThat(sends.get(3).text()).contains("上海合作组织 &lt;研究&gt;").contains("/ask");
    assertThat(sends).allMatch(c -> c.body().path("reply_parameters").has("message_id"));
  }

  @Test
  void private_commands_reset_and_sources() throws Exception {
    start();
    api.privateText(11, 110, "/start");
    api.privateText(11, 110, "/sources");
    api.privateText(11, 110, "/reset");
    api.privateText(11, 110, "/ask");
    List<Call> sends = awaitSends(11, 4);
    assertThat(sends.get(0).text()).contains("Try asking").contains("上海合作组织是哪一年成立的？");
    assertThat(sends.get(1).text()).contains("1. 上海合作组织 &lt;研究&gt;");
    assertThat(sends.get(2).text()).contains("forgotten");
    assertThat(sends.get(3).text()).contains("/ask");
    assertThat(answerer.asked).isEmpty();
  }

  @Test
  void the_allowlist_lets_listed_chats_and_users_in_and_refuses_others_politely() throws Exception {
    start(settings(api.url(), Set.of(21L), Set.of(2200L), 4));
    api.privateText(21, 2100, "allowed chat");
    api.privateText(22, 2200, "allowed user");
    api.privateText(23, 2300, "stranger");

    awaitSends(21, 1);
    awaitSends(22, 1);
    List<Call> refused = awaitSends(23, 1);

    assertThat(answerer.asked).containsExactlyInAnyOrder("allowed chat", "allowed user");
    assertThat(refused.get(0).text()).contains("Sorry").contains("23");
  }

  @Test
  void a_strangers_button_press_and_command_are_refused_by_the_one_guard() throws Exception {
    start(settings(api.url(), Set.of(21L), Set.of(), 4));
    api.callback(24, 2400, 5000, "m:abc.1");
    api.privateText(24, 2400, "/sources");

    api.await(
        calls -> calls.stream().anyMatch(c -> c.method().equalsIgnoreCase("answerCallbackQuery")),
        WAIT,
        "the button's answer");
    List<Call> refused = awaitSends(24, 1);
    Thread.sleep(200); // nothing else may arrive

    assertThat(api.calls("answerCallbackQuery").get(0).body().path("text").asText())
        .contains("Sorry")
        .contains("24");
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).text()).contains("Sorry").doesNotContain("上海合作组织");
    assertThat(sendsTo(24)).hasSize(1);
  }

  @Test
  void a_forged_button_is_told_the_answer_is_too_old() throws Exception {
    start();
    api.callback(25, 2500, 5000, "p:../../etc:1");
    api.callback(25, 2500, 5000, "f:" + "a".repeat(70) + ":u");

    api.await(
        calls ->
            calls.stream().filter(c -> c.method().equalsIgnoreCase("answerCallbackQuery")).count()
                >= 2,
        WAIT,
        "two callback answers");

    assertThat(api.calls("answerCallbackQuery"))
        .extracting(c -> c.body().path("text").asText())
        .allMatch(t -> t.contains("too old"));
    assertThat(sendsTo(25)).isEmpty();
    assertThat(Files.exists(dir.resolve("feedback.jsonl"))).isFalse();
  }

  @Test
  void rate_limit_and_question_length_get_friendly_replies() throws Exception {
    TelegramSettings s = settings(api.url(), Set.of(), Set.of(), 4);
    start(
        new TelegramSettings(
            s.apiUrl(),
            false,
            Set.of(),
            Set.of(),
            2,
            20,
            4,
            s.shutdownWait(),
            1,
            s.typingEvery(),
            s.editEvery(),
            s.retryBase(),
            6,
            s.maxQueued(),
            s.maxQueuedPerChat(),
            s.maxConversations(),
            s.rememberedAnswers()));
    api.privateText(31, 1, "a question that is far too long to accept");
    api.privateText(32, 1, "one");
    api.privateText(32, 1, "two");
    api.privateText(32, 1, "three");

    assertThat(awaitSends(31, 1).get(0).text()).contains("too long (41 characters, at most 20)");
    List<Call> sends = awaitSends(32, 3);
    assertThat(answerer.asked).containsExactly("one", "two");
    assertThat(sends.get(2).text()).contains("try again in");
  }

  @Test
  void a_chat_over_its_queue_bound_is_told_it_is_busy_and_the_rest_is_answered() throws Exception {
    answerer.delayMs = 1000;
    start(settings(api.url(), Set.of(), Set.of(), 4).withLimits(1000, 2, 10_000, 5000));
    api.privateText(33, 1, "first");
    api.privateText(33, 1, "second");
    api.privateText(33, 1, "third");

    List<Call> sends = awaitSends(33, 3);

    assertThat(sends.get(0).text()).contains("too busy");
    assertThat(answerer.asked).containsExactly("first", "second");
    assertThat(sends.subList(1, 3))
        .extracting(Call::text)
        .allMatch(t -> t.startsWith("Answer to: "));
  }

  @Test
  void a_429_on_send_waits_retry_after_and_then_succeeds() throws Exception {
    start();
    api.tooManyRequests("sendMessage", 1);
    api.privateText(41, 1, "rate limited by Telegram");

    api.await(
        calls ->
            calls.stream().filter(c -> c.method().equalsIgnoreCase("sendMessage")).count() >= 2,
        WAIT,
        "a retried send");
    List<Call> sends = api.calls("sendMessage");
    assertThat(sends).hasSize(2);
    assertThat(sends.get(1).text()).isEqualTo(sends.get(0).text());
    assertThat(Duration.ofNanos(sends.get(1).nanos() - sends.get(0).nanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void server_errors_on_send_are_retried_with_backoff() throws Exception {
    start();
    api.fail("sendMessage", 2, 502, "<html>Bad Gateway</html>");
    api.privateText(42, 1, "flaky");
    api.await(
        calls ->
            calls.stream().filter(c -> c.method().equalsIgnoreCase("sendMessage")).count() >= 3,
        WAIT,
        "two failures and a success");
    assertThat(api.calls("sendMessage")).hasSize(3);
  }

  @Test
  void server_errors_on_get_updates_do_not_stop_polling() throws Exception {
    api.fail("getUpdates", 3, 502, "<html>Bad Gateway</html>");
    start();
    api.privateText(43, 1, "after the outage");
    awaitSends(43, 1);
    assertThat(api.calls("getUpdates").size()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void twenty_chats_asking_at_once_each_get_their_own_answer_once() throws Exception {
    answerer.delayMs = 300;
    start(settings(api.url(), Set.of(), Set.of(), 8));
    long t0 = System.nanoTime();
    for (int chat = 100; chat < 120; chat++) {
      api.privateText(chat, chat, "question from chat " + chat);
    }
    api.await(
        calls ->
            calls.stream().filter(c -> c.method().equalsIgnoreCase("sendMessage")).count() >= 20,
        WAIT,
        "20 answers");
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    Thread.sleep(300); // no duplicates trickling in

    List<Call> sends = api.calls("sendMessage");
    assertThat(sends).hasSize(20);
    for (int chat = 100; chat < 120; chat++) {
      List<Call> mine = sendsTo(chat);
      assertThat(mine).hasSize(1);
      assertThat(mine.get(0).text()).contains("question from chat " + chat + " [1]");
    }
    System.out.printf(
        "20 chats x 300 ms answers on 8 workers: all answered in %d ms%n", took.toMillis());
    assertThat(took).isLessThan(Duration.ofMillis(2500)); // serially it would take 6 s
  }

  @Test
  void one_chat_is_answered_in_order_and_a_slow_chat_does_not_delay_another() throws Exception {
    answerer.answers =
        q -> {
          if (q.startsWith("slow")) {
            try {
              Thread.sleep(1500);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return FakeAnswerer.cited(q);
        };
    start(settings(api.url(), Set.of(), Set.of(), 4));
    api.privateText(51, 1, "slow first");
    api.privateText(51, 1, "second");
    api.privateText(51, 1, "third");
    api.privateText(52, 2, "fast other chat");

    long t0 = System.nanoTime();
    awaitSends(52, 1);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1200));
    List<Call> mine = awaitSends(51, 3);
    assertThat(mine.stream().map(Call::text).map(t -> t.substring(0, t.indexOf(" [1]"))).toList())
        .containsExactly("Answer to: slow first", "Answer to: second", "Answer to: third");
  }

  @Test
  void an_llm_answer_streams_by_editing_one_message() throws Exception {
    answerer.streamTokens = List.of("上海", "合作", "组织", "成立", "于", "2001", "年", "。");
    answerer.delayMs = 800;
    start();
    api.privateText(61, 1, "stream it");

    api.await(
        calls ->
            calls.stream()
                .anyMatch(
                    c ->
                        c.method().equalsIgnoreCase("editMessageText")
                            && c.body().has("reply_markup")),
        WAIT,
        "the final edit");
    assertThat(sendsTo(61)).hasSize(1);
    assertThat(sendsTo(61).get(0).text()).endsWith(" …");
    List<Call> edits = api.calls("editMessageText");
    assertThat(edits.size()).isBetween(2, 9);
    assertThat(edits.get(edits.size() - 1).text()).contains("<b>Sources</b>");
  }

  @Test
  void an_exception_while_answering_gets_an_apology_and_polling_goes_on() throws Exception {
    answerer.answers =
        q -> {
          if (q.equals("boom")) {
            throw new IllegalStateException("kaput");
          }
          return FakeAnswerer.cited(q);
        };
    start();
    api.privateText(71, 1, "boom");
    api.privateText(72, 1, "fine");
    assertThat(awaitSends(71, 1).get(0).text()).contains("something went wrong");
    assertThat(awaitSends(72, 1).get(0).text()).contains("Answer to: fine");
  }

  @Test
  void a_rejected_token_is_a_clear_error_without_the_token() throws Exception {
    try (FakeBotApi other = new FakeBotApi("999:SomeOtherTokenAAAAAAAAAAAAAAAAAAAA")) {
      assertThatThrownBy(
              () ->
                  TelegramBotRunner.start(
                      settings(other.url(), Set.of(), Set.of(), 2),
                      Secret.fromEnv(Map.of("T", FakeBotApi.TOKEN), "T"),
                      answerer,
                      new BotCatalog(List.of(), List.of()),
                      new FeedbackLog(dir.resolve("f.jsonl")),
                      5,
                      dir.resolve("u.jsonl")))
          .isInstanceOf(TelegramBotRunner.TokenRejectedException.class)
          .hasMessageContaining("rejected the bot token")
          .hasMessageContaining("401")
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .doesNotContain(FakeBotApi.TOKEN)
                      .doesNotContain("AAFakeToken"));
      assertThat(other.calls("getUpdates")).isEmpty();
    }
  }

  @Test
  void an_unreachable_api_is_an_error_naming_the_url_not_the_token() throws Exception {
    URI dead = api.url();
    api.close();
    assertThatThrownBy(() -> start(settings(dead, Set.of(), Set.of(), 2)))
        .hasMessageContaining("cannot reach the Bot API at " + dead)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AAFakeToken"));
  }

  @Test
  void close_finishes_answers_in_flight_and_leaves_no_threads_behind() throws Exception {
    answerer.delayMs = 600;
    start();
    api.privateText(81, 1, "in flight at shutdown");
    api.await(
        calls ->
            !answerer.asked.isEmpty()
                || calls.stream().anyMatch(c -> c.method().equalsIgnoreCase("sendChatAction")),
        WAIT,
        "answering to start");
    long t0 = System.nanoTime();
    runner.close();
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertThat(sendsTo(81)).hasSize(1);
    assertThat(ms).isLessThan(3000);
    Thread.sleep(200);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(
            t ->
                t.isAlive()
                    && !t.isDaemon()
                    && (t.getName().startsWith("wenda-telegram")
                        || t.getName().startsWith("OkHttp")));
  }

  static String token() {
    return FakeBotApi.TOKEN;
  }

  static Matcher find(String regex, String s) {
    Matcher m = Pattern.compile(regex).matcher(s);
    return m.find() ? m : null;
  }
}
