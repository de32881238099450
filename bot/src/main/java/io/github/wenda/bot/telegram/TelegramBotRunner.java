package io.github.wenda.bot.telegram;

import io.github.wenda.bot.config.Secret;
import io.github.wenda.retrieval.api.WendaException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;

/**
 * Starts and stops the long-polling bot and everything it owns. Start checks the token with {@code
 * getMe} (a 401 is {@link TokenRejectedException}), deletes any webhook, answers the updates the
 * {@link UpdateJournal} still holds from before a stop or kill, then polls with {@link
 * UpdatePoller}. {@link #close} stops polling, lets answers in flight finish (bounded), and shuts
 * the executors and OkHttp's pools down: their threads would keep the JVM alive.
 */
public final class TelegramBotRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramBotRunner.class);

  /**
   * Sends in flight at once: above {@code telegram.workers}' maximum, so no reply queues behind
   * another.
   */
  private static final int MAX_SENDS = 256;

  /** Idle keep-alive connections for sends: enough for a busy minute without reconnecting. */
  private static final int SEND_CONNECTIONS = 32;

  /**
   * A Bot API that takes longer to accept a connection is down; the send is retried with back-off.
   */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Sends and their answers are small; 30 s without a byte means the connection is dead. */
  private static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

  /**
   * The long poll answers within its timeout; this much longer without an answer means it is lost.
   */
  private static final long POLL_READ_MARGIN_SECONDS = 15;

  /** Telegram refused the token (401 Unauthorized at start). */
  public static final class TokenRejectedException extends WendaException {
    private static final long serialVersionUID = 1L;

    TokenRejectedException(String message) {
      super(message);
    }
  }

  private final TelegramSettings settings;
  private final OkHttpClient sendHttp;
  private final OkHttpClient pollHttp;
  private final ScheduledExecutorService pollThread;
  private final ScheduledExecutorService timer;
  private final UpdatePoller poller;
  private final UpdateJournal journal;
  private final WendaBot bot;
  private final User me;
  private boolean closed;

  private TelegramBotRunner(
      TelegramSettings settings,
      OkHttpClient sendHttp,
      OkHttpClient pollHttp,
      ScheduledExecutorService pollThread,
      ScheduledExecutorService timer,
      UpdatePoller poller,
      UpdateJournal journal,
      WendaBot bot,
      User me) {
    this.settings = settings;
    this.sendHttp = sendHttp;
    this.pollHttp = pollHttp;
    this.pollThread = pollThread;
    this.timer = timer;
    this.poller = poller;
    this.journal = journal;
    this.bot = bot;
    this.me = me;
  }

  /** Where the journal of received updates lives under the data directory. */
  public static Path journalFile(Path dataDir) {
    return UpdateJournal.file(dataDir);
  }

  /**
   * Checks the token, answers what the journal holds, and starts polling.
   *
   * @param journalFile the update journal ({@link #journalFile}); created owner-only when missing
   * @throws TokenRejectedException when Telegram answers 401
   * @throws WendaException when the Bot API cannot be reached or registration fails
   */
  public static TelegramBotRunner start(
      TelegramSettings settings,
      Secret token,
      Answerer answerer,
      BotCatalog catalog,
      FeedbackLog feedback,
      int maxTurns,
      Path journalFile) {
    TokenScrubber scrubber = new TokenScrubber(token.reveal());
    // OkHttp runs at most 5 requests per host by default: with 20 chats answering at once, every
    // reply would queue behind four others. Sends and the long poll get separate clients, so
    // cancelling the poll at shutdown never cancels a reply.
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(MAX_SENDS);
    dispatcher.setMaxRequestsPerHost(MAX_SENDS);
    OkHttpClient sendHttp =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(SEND_CONNECTIONS, 60, TimeUnit.SECONDS))
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(IO_TIMEOUT)
            .writeTimeout(IO_TIMEOUT)
            .build();
    OkHttpClient pollHttp =
        new OkHttpClient.Builder()
            .dispatcher(new Dispatcher())
            .connectionPool(new ConnectionPool(2, 60, TimeUnit.SECONDS))
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(
                Duration.ofSeconds(settings.pollTimeoutSeconds() + POLL_READ_MARGIN_SECONDS))
            .writeTimeout(IO_TIMEOUT)
            .build();
    ScheduledExecutorService pollThread =
        Executors.newSingleThreadScheduledExecutor(daemon("wenda-telegram-poll"));
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(2, daemon("wenda-telegram-timer"));
    timer.setRemoveOnCancelPolicy(true);
    TelegramUrl url = settings.telegramUrl();
    OkHttpTelegramClient client = new OkHttpTelegramClient(sendHttp, token.reveal(), url);
    TelegramSender sender =
        new TelegramSender(client, settings.retryBase(), settings.maxAttempts(), scrubber);
    UpdateJournal journal = null;
    try {
      journal = UpdateJournal.open(journalFile);
      User me = getMe(sender, settings);
      sender.execute(new DeleteWebhook()); // getUpdates answers 409 while a webhook is set
      WendaBot bot =
          new WendaBot(
              settings,
              sender,
              new UpdateRouter(me.getId(), me.getUserName()),
              answerer,
              catalog,
              feedback,
              maxTurns,
              timer,
              journal);
      replay(journal, bot);
      UpdatePoller poller =
          new UpdatePoller(
              pollHttp,
              getUpdatesUrl(url, token.reveal()),
              settings.pollTimeoutSeconds(),
              new PollBackOff(settings.retryBase().toMillis()),
              journal,
              bot::consume,
              scrubber);
      pollThread.execute(poller);
      log.info("polling as @{} via {}", me.getUserName(), settings.apiUrl());
      return new TelegramBotRunner(
          settings, sendHttp, pollHttp, pollThread, timer, poller, journal, bot, me);
    } catch (Exception e) {
      shutdown(sendHttp, pollHttp, pollThread, timer);
      if (journal != null) {
        journal.close();
      }
      if (e instanceof WendaException w) {
        throw w;
      }
      throw new WendaException(
          "cannot start polling at " + settings.apiUrl() + ": " + scrubber.describe(e));
    }
  }

  /** Updates received before the last stop or kill but never answered: answered now, in order. */
  private static void replay(UpdateJournal journal, WendaBot bot) {
    List<Update> pending = new ArrayList<>();
    for (UpdateJournal.Entry e : journal.pending()) {
      UpdatesResponse.update(e.json())
          .ifPresentOrElse(
              pending::add,
              () -> {
                log.warn("update {} in the journal is unreadable: skipped", e.updateId());
                journal.done(e.updateId());
              });
    }
    if (!pending.isEmpty()) {
      log.info("answering {} update(s) received before the last stop", pending.size());
      bot.consume(pending);
    }
  }

  private static HttpUrl getUpdatesUrl(TelegramUrl url, String token) {
    HttpUrl.Builder b =
        new HttpUrl.Builder()
            .scheme(url.getSchema())
            .host(url.getHost())
            .port(url.getPort())
            .addPathSegment("bot" + token);
    if (url.isTestServer()) {
      b.addPathSegment("test");
    }
    return b.addPathSegment("getUpdates").build();
  }

  private static User getMe(TelegramSender sender, TelegramSettings settings) {
    try {
      return sender.execute(new GetMe());
    } catch (TelegramSender.SendException e) {
      if (e.errorCode() == 401
          || e.errorCode() == 404) { // the Bot API answers 404 for a malformed token
        throw new TokenRejectedException(
            "Telegram rejected the bot token in TELEGRAM_BOT_TOKEN ("
                + e.errorCode()
                + " from "
                + settings.apiUrl()
                + "): check it with @BotFather, or /revoke and set the new one");
      }
      throw new WendaException(
          "cannot reach the Bot API at " + settings.apiUrl() + ": " + e.getMessage());
    }
  }

  /** The bot's username, from getMe. */
  public String username() {
    return me.getUserName();
  }

  WendaBot bot() {
    return bot;
  }

  /** Runs until SIGTERM or SIGINT, then closes; the command then exits 0. */
  public void runUntilSignalled() {
    CountDownLatch stop = Signals.stopLatch();
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("stopping: {} answers in flight", bot.inFlight());
    close();
  }

  /**
   * Stops polling, waits up to telegram.shutdown-seconds for answers in flight, then frees every
   * thread. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    poller.stop();
    pollHttp.dispatcher().cancelAll(); // the long poll may otherwise block for poll-timeout-seconds
    pollThread.shutdownNow();
    if (!bot.drain(settings.shutdownWait())) {
      log.warn(
          "answers still running after {}: interrupted; they are answered again after the restart",
          settings.shutdownWait());
    }
    shutdown(sendHttp, pollHttp, pollThread, timer);
    journal.close();
  }

  private static void shutdown(
      OkHttpClient send,
      OkHttpClient poll,
      ScheduledExecutorService pollThread,
      ScheduledExecutorService timer) {
    pollThread.shutdownNow();
    timer.shutdownNow();
    for (OkHttpClient c : new OkHttpClient[] {send, poll}) {
      c.dispatcher().cancelAll();
      c.dispatcher().executorService().shutdownNow();
      c.connectionPool().evictAll();
    }
    try {
      pollThread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
