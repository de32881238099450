package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.wenda.bot.config.Secret;
import io.github.wenda.bot.telegram.FakeBotApi.Call;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faults an operator meets (issue #15), against {@link FakeBotApi} over HTTP: nothing lost,
 * nothing wedged.
 */
class TelegramFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

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

  private Path journal() {
    return dir.resolve("data/telegram/updates.jsonl");
  }

  private Path feedbackFile() {
    return dir.resolve("data/feedback/telegram-feedback.jsonl");
  }

  private TelegramBotRunner start(TelegramSettings s) {
    runner =
        TelegramBotRunner.start(
            s,
            Secret.fromEnv(Map.of("T", FakeBotApi.TOKEN), "T"),
            answerer,
            new BotCatalog(List.of("文档"), List.of()),
            new FeedbackLog(feedbackFile()),
            5,
            journal());
    return runner;
  }

  private TelegramBotRunner start() {
    return start(TelegramBotTest.settings(api.url(), Set.of(), Set.of(), 4));
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

  @Test
  void a_kill_before_answering_leaves_the_questions_to_be_answered_once_after_the_restart()
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The child's answers take a minute: it is killed while the first is being worked on.
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                TelegramChildBot.class.getName(),
                api.url().toString(),
                "60000",
                feedbackFile().toString(),
                journal().toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        // start-up output
      }
      assertThat(line).isEqualTo("READY");
      api.privateText(5, 5, "first question");
      api.privateText(5, 5, "second question");
      api.privateText(6, 6, "another chat's question");
      // Answering has begun and the next poll confirmed all three to "Telegram".
      api.await(
          calls ->
              calls.stream().anyMatch(c -> c.method().equalsIgnoreCase("sendChatAction"))
                  && calls.stream()
                      .anyMatch(
                          c ->
                              c.method().equalsIgnoreCase("getUpdates")
                                  && c.body().path("offset").asInt() > 3),
          WAIT,
          "answering to start and the offset to be confirmed");
      assertThat(api.unconfirmed()).isZero();

      child.destroyForcibly(); // SIGKILL: no shutdown hook, no draining
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(api.calls("sendMessage")).isEmpty();

    start();
    awaitSends(5, 2);
    awaitSends(6, 1);
    Thread.sleep(500); // nothing more may arrive

    assertThat(answerer.asked)
        .containsExactlyInAnyOrder("first question", "second question", "another chat's question");
    assertThat(sendsTo(5).stream().map(Call::text).map(t -> t.substring(0, t.indexOf(" [1]"))))
        .containsExactly("Answer to: first question", "Answer to: second question");
    assertThat(sendsTo(6)).hasSize(1);
    runner.close();
    runner = null;
    // Answered once: a third run has nothing left to answer.
    answerer.asked.clear();
    start();
    api.await(
        calls -> calls.stream().filter(c -> c.method().equalsIgnoreCase("getUpdates")).count() >= 1,
        WAIT,
        "polling");
    Thread.sleep(300);
    assertThat(answerer.asked).isEmpty();
    if (Files.getFileStore(journal()).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal())))
          .isEqualTo("rw-------");
      assertThat(
              PosixFilePermissions.toString(Files.getPosixFilePermissions(journal().getParent())))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void a_poison_update_is_skipped_and_the_rest_of_the_batch_is_answered() throws Exception {
    api.privateText(11, 1, "before the poison");
    int wrongType =
        api.rawUpdate(
            api.privateTextJson(11, 1, "wrong type")
                .replace("\"chat\":{", "\"chat\":{\"x\":1,")
                .replaceFirst("\"message_id\":\\d+", "\"message_id\":\"not a number\""));
    int broken = api.rawUpdate("{\"update_id\":$ID,\"message\":{\"text\": oops not json }");
    api.privateText(11, 1, "after the poison");
    start();

    List<Call> sends = awaitSends(11, 2);
    assertThat(sends.stream().map(Call::text))
        .anySatisfy(t -> assertThat(t).contains("before the poison"))
        .anySatisfy(t -> assertThat(t).contains("after the poison"));
    // Polling moved past both: the next getUpdates confirms them, and nothing is retried forever.
    api.await(
        calls ->
            calls.stream()
                .anyMatch(
                    c ->
                        c.method().equalsIgnoreCase("getUpdates")
                            && c.body().path("offset").asInt() > Math.max(wrongType, broken) + 1),
        WAIT,
        "the offset past the poison");
    assertThat(api.unconfirmed()).isZero();
    assertThat(answerer.asked).containsExactly("before the poison", "after the poison");
  }

  @Test
  void a_429_on_get_updates_waits_the_retry_after_it_asks_for() throws Exception {
    api.tooManyRequests("getUpdates", 2);
    start();
    api.privateText(12, 1, "after the flood wait");
    awaitSends(12, 1);
    List<Call> polls = api.calls("getUpdates");
    assertThat(polls.get(0).status()).isEqualTo(429);
    // The back-off base is 50 ms in tests: only retry_after explains a 2 s pause.
    assertThat(Duration.ofNanos(polls.get(1).nanos() - polls.get(0).nanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
  }

  @Test
  void html_that_telegram_cannot_parse_is_sent_again_as_plain_text() throws Exception {
    api.fail(
        "sendMessage",
        1,
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: Unsupported start tag \\\"x\\\" at byte offset 12\"}");
    start();
    api.privateText(13, 1, "html <b>trouble</b>");

    List<Call> sends = awaitSends(13, 2);
    assertThat(sends.get(0).status()).isEqualTo(400);
    assertThat(sends.get(0).body().path("parse_mode").asText()).isEqualToIgnoringCase("HTML");
    Call plain = sends.get(1);
    assertThat(plain.delivered()).isTrue();
    assertThat(plain.body().has("parse_mode")).isFalse();
    assertThat(plain.text())
        .contains("Answer to: html <b>trouble</b> [1]")
        .contains("Sources")
        .contains("上海合作组织成立于2001年。<script>")
        .doesNotContain("<blockquote")
        .doesNotContain("&lt;");
    assertThat(plain.body().path("reply_markup").path("inline_keyboard").isArray()).isTrue();
  }

  @Test
  void an_edit_telegram_cannot_parse_is_retried_as_plain_text() throws Exception {
    answerer.streamTokens = List.of("上海", "合作", "组织");
    answerer.delayMs = 300;
    api.fail(
        "editMessageText",
        1,
        400,
        "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \\\"b\\\"\"}");
    start();
    api.privateText(14, 1, "stream with a bad edit");
    api.await(
        calls ->
            calls.stream()
                .anyMatch(
                    c ->
                        c.method().equalsIgnoreCase("editMessageText")
                            && c.body().has("reply_markup")
                            && c.delivered()),
        WAIT,
        "the final edit delivered");
    List<Call> edits = api.calls("editMessageText");
    Call failed = edits.stream().filter(c -> c.status() == 400).findFirst().orElseThrow();
    Call retry = edits.get(edits.indexOf(failed) + 1);
    assertThat(retry.body().has("parse_mode")).isFalse();
    assertThat(retry.delivered()).isTrue();
  }

  @Test
  void a_hundred_votes_at_once_in_one_group_are_all_recorded_or_refused_with_a_toast()
      throws Exception {
    start();
    long group = -100777;
    api.groupText(group, 1, "/ask 投票的问题");
    Call answer = awaitSends(group, 1).get(0);
    String vote =
        answer
            .body()
            .path("reply_markup")
            .path("inline_keyboard")
            .findValues("callback_data")
            .stream()
            .map(JsonNode::asText)
            .filter(d -> d.endsWith(":u"))
            .findFirst()
            .orElseThrow();
    for (int user = 1; user <= 100; user++) {
      api.callback(group, 1000 + user, 5000, vote);
    }

    api.await(
        calls ->
            calls.stream().filter(c -> c.method().equalsIgnoreCase("answerCallbackQuery")).count()
                >= 100,
        WAIT,
        "100 callback answers");
    Thread.sleep(300);
    List<Call> acks = api.calls("answerCallbackQuery");
    assertThat(acks).hasSize(100);
    Map<String, Long> perQuery =
        acks.stream()
            .collect(
                Collectors.groupingBy(
                    c -> c.body().path("callback_query_id").asText(), Collectors.counting()));
    assertThat(perQuery).hasSize(100).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    long thanked =
        acks.stream()
            .filter(
                c ->
                    c.body().path("text").asText().startsWith("Thanks")
                        || c.body().path("text").asText().startsWith("谢谢"))
            .count();
    List<String> lines = Files.readAllLines(feedbackFile());
    assertThat(lines).hasSize((int) thanked);
    long refused = acks.size() - thanked;
    assertThat(thanked + refused).isEqualTo(100);
    System.out.printf(
        "100 votes at once in one group: %d recorded, %d refused with a toast%n", thanked, refused);
    if (Files.getFileStore(feedbackFile()).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(feedbackFile())))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void a_stranger_gets_one_refusal_not_one_per_message() throws Exception {
    start(TelegramBotTest.settings(api.url(), Set.of(1L), Set.of(), 4));
    for (int i = 0; i < 5; i++) {
      api.privateText(66, 66, "let me in " + i);
    }
    api.privateText(1, 1, "allowed");
    awaitSends(1, 1);
    awaitSends(66, 1);
    api.await(
        calls ->
            calls.stream()
                    .filter(
                        c ->
                            c.method().equalsIgnoreCase("getUpdates")
                                && c.body().path("offset").asInt() > 6)
                    .count()
                >= 1,
        WAIT,
        "all updates handled");
    Thread.sleep(300);
    assertThat(sendsTo(66)).hasSize(1);
    assertThat(sendsTo(66).get(0).text()).contains("66");
    assertThat(answerer.asked).containsExactly("allowed");
  }

  @Test
  void a_vote_on_an_answer_from_before_a_restart_is_told_it_is_too_old() throws Exception {
    start();
    api.privateText(15, 1, "first run");
    String vote =
        awaitSends(15, 1)
            .get(0)
            .body()
            .path("reply_markup")
            .path("inline_keyboard")
            .findValues("callback_data")
            .stream()
            .map(JsonNode::asText)
            .filter(d -> d.endsWith(":d"))
            .findFirst()
            .orElseThrow();
    runner.close();
    start();
    api.privateText(15, 1, "second run");
    String newVote =
        awaitSends(15, 2)
            .get(1)
            .body()
            .path("reply_markup")
            .path("inline_keyboard")
            .findValues("callback_data")
            .stream()
            .map(JsonNode::asText)
            .filter(d -> d.endsWith(":d"))
            .findFirst()
            .orElseThrow();
    assertThat(newVote).isNotEqualTo(vote);

    api.callback(15, 1, 5000, vote);
    Call ack =
        api
            .await(
                calls ->
                    calls.stream()
                        .anyMatch(c -> c.method().equalsIgnoreCase("answerCallbackQuery")),
                WAIT,
                "the old vote's answer")
            .stream()
            .filter(c -> c.method().equalsIgnoreCase("answerCallbackQuery"))
            .findFirst()
            .orElseThrow();
    assertThat(ack.body().path("text").asText()).contains("too old");
    assertThat(feedbackFile()).doesNotExist();
  }

  @Test
  void an_unexpected_error_in_a_button_is_answered_and_the_bot_goes_on() throws Exception {
    answerer.answers = q -> FakeAnswerer.cited(q);
    start();
    api.privateText(16, 1, "ask first");
    Call reply = awaitSends(16, 1).get(0);
    String more =
        reply
            .body()
            .path("reply_markup")
            .path("inline_keyboard")
            .findValues("callback_data")
            .stream()
            .map(JsonNode::asText)
            .filter(d -> d.startsWith("m:"))
            .findFirst()
            .orElseThrow();
    answerer.searchFails = true;
    api.callback(16, 1, 5000, more);
    Call ack =
        api
            .await(
                calls ->
                    calls.stream()
                        .anyMatch(c -> c.method().equalsIgnoreCase("answerCallbackQuery")),
                WAIT,
                "the button's answer")
            .stream()
            .filter(c -> c.method().equalsIgnoreCase("answerCallbackQuery"))
            .findFirst()
            .orElseThrow();
    assertThat(ack.delivered()).isTrue();
    assertThat(ack.body().path("text").asText()).contains("something went wrong");
    answerer.searchFails = false;
    api.privateText(16, 1, "still there?");
    assertThat(awaitSends(16, 2).get(1).text()).contains("still there?");
  }
}
