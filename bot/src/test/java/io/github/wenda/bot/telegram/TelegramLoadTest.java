package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.config.Secret;
import io.github.wenda.bot.telegram.FakeBotApi.Call;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many chats at once through the real TelegramBots client and a fake Bot API on loopback: every
 * question answered exactly once, in order within its chat, never in another chat; also while the
 * API fails sends and polls with 5xx, 429 and dropped connections. Prints the reply-time p95.
 */
class TelegramLoadTest {
  private static final Pattern QUESTION =
      Pattern.compile("Answer to: chat (\\d+) question (\\d+) \\[1]");

  @TempDir Path dir;
  private FakeBotApi api;
  private TelegramBotRunner runner;
  private final FakeAnswerer answerer = new FakeAnswerer();

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

  private void start() {
    TelegramSettings s =
        new TelegramSettings(
            api.url(),
            false,
            Set.of(),
            Set.of(),
            100,
            500,
            8,
            Duration.ofSeconds(5),
            1,
            Duration.ofSeconds(5),
            Duration.ofMillis(100),
            Duration.ofMillis(20),
            8,
            1000,
            20,
            10_000,
            5000);
    runner =
        TelegramBotRunner.start(
            s,
            Secret.fromEnv(Map.of("T", FakeBotApi.TOKEN), "T"),
            answerer,
            new BotCatalog(List.of("上海合作组织"), List.of()),
            new FeedbackLog(dir.resolve("feedback.jsonl")),
            5,
            dir.resolve("updates.jsonl"));
  }

  /**
   * Asks {@code perChat} questions in each of {@code chats} chats, round by round, and checks every
   * answer.
   */
  private Duration[] askAndCheck(int chats, int perChat) throws InterruptedException {
    Map<String, Long> asked = new HashMap<>();
    for (int q = 0; q < perChat; q++) {
      for (int chat = 1; chat <= chats; chat++) {
        asked.put(chat + "/" + q, System.nanoTime());
        api.privateText(chat, chat, "chat " + chat + " question " + q);
      }
    }
    int total = chats * perChat;
    // Polled outside the fake's lock: a predicate re-run on every call would slow the server
    // itself.
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (api.calls("sendMessage").stream().filter(Call::delivered).count() < total) {
      assertThat(System.nanoTime())
          .as("all " + total + " answers delivered within 60 s")
          .isLessThan(deadline);
      Thread.sleep(10);
    }
    Thread.sleep(300); // duplicates from late retries would arrive now

    Map<Long, List<Integer>> byChat = new HashMap<>();
    List<Long> replyNanos = new ArrayList<>();
    for (Call c : api.calls("sendMessage")) {
      if (!c.delivered()) {
        continue;
      }
      Matcher m = QUESTION.matcher(c.text());
      assertThat(m.find()).as("an answer: " + c.text()).isTrue();
      long chat = Long.parseLong(m.group(1));
      assertThat(c.chatId())
          .as("answer to chat " + chat + " sent to chat " + c.chatId())
          .isEqualTo(chat);
      byChat.computeIfAbsent(chat, k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
      replyNanos.add(c.nanos() - asked.get(chat + "/" + m.group(2)));
    }
    List<Integer> inOrder = new ArrayList<>();
    for (int q = 0; q < perChat; q++) {
      inOrder.add(q);
    }
    assertThat(byChat).hasSize(chats);
    byChat.forEach(
        (chat, questions) -> assertThat(questions).as("chat " + chat).isEqualTo(inOrder));
    assertThat(replyNanos).hasSize(total);
    Collections.sort(replyNanos);
    return new Duration[] {
      Duration.ofNanos(replyNanos.get(total / 2)),
      Duration.ofNanos(replyNanos.get((int) Math.ceil(total * 0.95) - 1)),
      Duration.ofNanos(replyNanos.get(total - 1))
    };
  }

  @Test
  void two_hundred_chats_asking_five_questions_each_get_every_answer_once_in_order()
      throws Exception {
    answerer.delayMs = 2; // a fast answerer: this measures the bot and its HTTP path, not retrieval
    start();
    long t0 = System.nanoTime();
    Duration[] times = askAndCheck(200, 5);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "load: 200 chats x 5 questions, 1000/1000 answered once in order in %d ms; "
            + "reply time p50 %d ms, p95 %d ms, max %d ms%n",
        ms, times[0].toMillis(), times[1].toMillis(), times[2].toMillis());
    assertThat(times[1]).isLessThan(Duration.ofSeconds(30)); // generous: only catches a stall
  }

  @Test
  void under_failing_sends_and_polls_every_question_still_gets_exactly_one_answer()
      throws Exception {
    Random random = new Random(6);
    int[] faults = new int[1];
    api.chaos(
        method -> {
          synchronized (random) {
            if (!method.equals("sendmessage") && !method.equals("getupdates")) {
              return 0;
            }
            double r = random.nextDouble();
            int status =
                r < 0.04
                    ? 502
                    : r < 0.08
                        ? FakeBotApi.RESET
                        : r < 0.09 && method.equals("sendmessage") ? 429 : r < 0.10 ? 500 : 0;
            faults[0] += status == 0 ? 0 : 1;
            return status;
          }
        });
    answerer.delayMs = 2;
    start();
    Duration[] times = askAndCheck(50, 5);
    synchronized (random) {
      System.out.printf(
          "faults: 50 chats x 5 questions with %d injected failures (5xx, 429, dropped connections): "
              + "250/250 answered once in order; reply time p95 %d ms%n",
          faults[0], times[1].toMillis());
      assertThat(faults[0]).isGreaterThan(10);
    }
    assertThat(api.calls("sendMessage").stream().filter(c -> !c.delivered()).count())
        .as("failed sends retried")
        .isPositive();
  }
}
