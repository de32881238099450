package io.github.wenda.bot.telegram;

import io.github.wenda.bot.reply.ReplyChannel;
import io.github.wenda.bot.reply.ReplyChannelContract;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/**
 * A chat's reply channel through the real TelegramBots client against {@link FakeBotApi}; what the
 * reader sees is the chat's messages with every edit applied, as plain text. Previews are due on
 * every token (edit interval zero), so a draft is on screen before the answer replaces it.
 */
class TelegramReplyContractTest extends ReplyChannelContract {
  private static final long CHAT = 77;

  private FakeBotApi api;
  private OkHttpClient http;
  private TelegramReplies replies;
  private final RecentAnswers recent = new RecentAnswers(10);

  @BeforeEach
  void setUp() throws Exception {
    api = new FakeBotApi();
    http = new OkHttpClient();
    TelegramSettings s =
        TelegramBotTest.settings(api.url(), java.util.Set.of(), java.util.Set.of(), 1);
    TokenScrubber scrubber = new TokenScrubber(FakeBotApi.TOKEN);
    replies =
        new TelegramReplies(
            new TelegramSender(
                new OkHttpTelegramClient(http, FakeBotApi.TOKEN, s.telegramUrl()),
                s.retryBase(),
                2,
                scrubber));
  }

  @AfterEach
  void tearDown() {
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
    api.close();
  }

  @Override
  protected ReplyChannel open(String question) {
    Texts t = Texts.forQuestion(question);
    return new TelegramReply(
        replies,
        new HtmlRenderer(),
        new ReplyTarget(CHAT, 1, false),
        t,
        a -> Optional.of(AnswerKeyboard.of(recent.add(CHAT, question, t, a.citations()), t)),
        Duration.ZERO,
        TokenScrubber.shapesOnly());
  }

  @Override
  protected String visible() {
    return api.screen(CHAT).stream().map(Html::toPlainText).collect(Collectors.joining("\n"));
  }
}
