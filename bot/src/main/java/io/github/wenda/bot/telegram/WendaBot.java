package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.retrieval.api.Hit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The bot: the {@link UpdatePoller} calls {@link #consume} on its thread once a batch is in the
 * {@link UpdateJournal}, so this method only routes each update to its chat's lane and catches
 * everything. The lanes answer (one question at a time per chat, chats in parallel), keep a
 * "typing…" action alive, stream LLM text by editing a message about once a second, and reply in
 * HTML split into valid parts, with buttons under the last one. An update is marked done in the
 * journal once handled (answered, refused, or failed for good), never when the bot stopped first:
 * those are answered after the restart.
 */
public final class WendaBot {
  private static final Logger log = LoggerFactory.getLogger(WendaBot.class);
  private static final int MAX_BUTTON_PASSAGES = 5;
  private static final int MORE_RESULTS = 5;

  private final TelegramSettings settings;
  private final TelegramSender sender;
  private final TelegramSender quietSender;
  private final UpdateRouter router;
  private final Answerer answerer;
  private final BotCatalog catalog;
  private final FeedbackLog feedback;
  private final int maxTurns;
  private final ChatStripedExecutor lanes;
  private final ScheduledExecutorService timer;
  private final RateLimiter limiter;
  private final RefusalLimiter refusals = new RefusalLimiter(System::nanoTime);
  private final UpdateJournal journal;
  private final RecentAnswers recent = new RecentAnswers(5000);
  private final HtmlRenderer renderer = new HtmlRenderer();
  private final MessageSplitter splitter = new MessageSplitter();
  private final Map<Long, Conversation> conversations = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Conversation> eldest) {
      return size() > 10_000; // bounded: the least recently active chat forgets first
    }
  });

  WendaBot(TelegramSettings settings, TelegramSender sender, TelegramSender quietSender, UpdateRouter router,
      Answerer answerer, BotCatalog catalog, FeedbackLog feedback, int maxTurns, ScheduledExecutorService timer,
      UpdateJournal journal) {
    this.settings = settings;
    this.sender = sender;
    this.quietSender = quietSender;
    this.router = router;
    this.answerer = answerer;
    this.catalog = catalog;
    this.feedback = feedback;
    this.maxTurns = maxTurns;
    this.timer = timer;
    this.journal = journal;
    this.lanes = new ChatStripedExecutor(settings.workers(), 1000, 20);
    this.limiter = new RateLimiter(settings.ratePerMinute(), System::nanoTime);
  }

  /** Routes each update to its lane; never throws (the poller must go on). */
  public void consume(List<Update> updates) {
    for (Update update : updates) {
      try {
        dispatch(update);
      } catch (Throwable t) {
        log.error("update {} dropped: {} (this is a bug, please report it)", update == null ? null : update.getUpdateId(),
            TokenScrubber.describe(t));
        if (update != null && !lanes.isClosed()) {
          done(update);
        }
      }
    }
  }

  private void dispatch(Update update) {
    Incoming in = router.route(update);
    if (in instanceof Incoming.Ignored ignored) {
      log.debug("update {} ignored: {}", update.getUpdateId(), ignored.why());
      done(update);
      return;
    }
    // Buttons get their own lane per chat: showing a passage need not wait for a slow answer.
    Object lane = in instanceof Incoming.Callback ? "callback:" + in.chatId() : in.chatId();
    if (lanes.submit(lane, () -> handleThenMark(in, update))) {
      return;
    }
    if (lanes.isClosed()) {
      log.info("stopping: update {} stays in the journal, to be answered after the restart", update.getUpdateId());
      return;
    }
    log.warn("chat {} is busy: update {} refused", in.chatId(), update.getUpdateId());
    // Off the poll thread: the refusal may wait on Telegram's retry_after.
    timer.execute(() -> {
      try {
        refuseBusy(in);
      } catch (RuntimeException e) {
        log.warn("chat {}: telling it we are busy failed: {}", in.chatId(), TokenScrubber.describe(e));
      } finally {
        done(update);
      }
    });
  }

  /**
   * Over the queue limits. A vote is still recorded (a line on disk, no answering work), and every
   * button press gets its answerCallbackQuery, so Telegram's spinner stops and nothing is dropped unseen.
   */
  private void refuseBusy(Incoming in) {
    if (in instanceof Incoming.Callback cb) {
      if (cb.data().startsWith("f:")) {
        callback(cb);
      } else {
        ack(cb, Texts.forUserLanguage(cb.languageCode()).busy());
      }
    } else if (in instanceof Incoming.Question q) {
      reply(q.chatId(), q.messageId(), q.group(), Html.escape(Texts.forQuestion(q.text()).busy()));
    } else if (in instanceof Incoming.Command c) {
      reply(c.chatId(), c.messageId(), c.group(), Html.escape(Texts.forUserLanguage(c.languageCode()).busy()));
    }
  }

  private void handleThenMark(Incoming in, Update update) {
    handle(in);
    // Interrupted: the bot is stopping and may have cut the answer short; answer it again after the restart.
    if (!Thread.currentThread().isInterrupted()) {
      done(update);
    }
  }

  private void done(Update update) {
    try {
      journal.done(update.getUpdateId());
    } catch (RuntimeException e) {
      log.warn("update {}: {}", update.getUpdateId(), e.getMessage());
    }
  }

  private void handle(Incoming in) {
    try {
      if (in instanceof Incoming.Question q) {
        ask(q);
      } else if (in instanceof Incoming.Command c) {
        command(c);
      } else if (in instanceof Incoming.Callback cb) {
        callback(cb);
      }
    } catch (TelegramSender.SendException e) {
      log.warn("chat {}: {}", in.chatId(), e.getMessage());
    } catch (RuntimeException e) {
      // A bug in answering one update: say so in one line, tell the user, and go on with the next.
      log.error("chat {}: unexpected error: {} (this is a bug, please report it)", in.chatId(), TokenScrubber.describe(e));
      log.debug("stack trace", e);
      quietly(() -> apologise(in));
    }
  }

  private void apologise(Incoming in) {
    if (in instanceof Incoming.Callback cb) {
      ack(cb, Texts.forUserLanguage(cb.languageCode()).failed());
    } else if (in instanceof Incoming.Question q) {
      reply(q.chatId(), q.messageId(), q.group(), Html.escape(Texts.forQuestion(q.text()).failed()));
    } else if (in instanceof Incoming.Command c) {
      reply(c.chatId(), c.messageId(), c.group(), Html.escape(Texts.forUserLanguage(c.languageCode()).failed()));
    }
  }

  /** The polite refusal for chats outside the allowlist, at most once per chat per {@link RefusalLimiter#INTERVAL}. */
  private void refuse(long chatId, int messageId, boolean group, Texts t) {
    if (refusals.mayReply(chatId)) {
      reply(chatId, messageId, group, Html.escape(t.refused(chatId)));
    } else {
      log.debug("chat {} not allowed; refused recently, so no reply", chatId);
    }
  }

  private void ask(Incoming.Question q) {
    Texts t = Texts.forQuestion(q.text());
    if (!settings.allows(q.chatId(), q.userId())) {
      refuse(q.chatId(), q.messageId(), q.group(), t);
      return;
    }
    int length = q.text().codePointCount(0, q.text().length());
    if (length > settings.maxQuestionChars()) {
      reply(q.chatId(), q.messageId(), q.group(), Html.escape(t.tooLong(length, settings.maxQuestionChars())));
      return;
    }
    long wait = limiter.tryAcquire(q.chatId());
    if (wait > 0) {
      reply(q.chatId(), q.messageId(), q.group(), Html.escape(t.rateLimited(wait)));
      return;
    }
    // Telegram shows "typing…" for about 5 s: send it now, then renew it until the answer is out.
    Runnable typingAction = () -> quietly(() -> quietSender.execute(
        SendChatAction.builder().chatId(q.chatId()).action("typing").build()));
    typingAction.run();
    long every = settings.typingEvery().toMillis();
    ScheduledFuture<?> typing = timer.scheduleAtFixedRate(typingAction, every, every, TimeUnit.MILLISECONDS);
    StreamingReply stream = new StreamingReply(q);
    try {
      Answer answer;
      try {
        answer = answerer.answer(conversation(q.chatId()), q.text(), stream::token);
      } catch (RuntimeException e) {
        log.error("chat {}: answering failed: {}", q.chatId(), TokenScrubber.describe(e));
        stream.finish(List.of(Html.escape(t.failed())), null);
        return;
      }
      List<Citation> shown = answer.found()
          ? answer.citations()
          : answer.related().stream().map(h -> new Citation(h.rank(), h)).toList();
      RecentAnswers.Entry entry = recent.add(q.chatId(), q.text(), t, shown);
      stream.finish(splitter.split(renderer.answer(answer, t)), keyboard(entry, t));
    } finally {
      typing.cancel(false);
    }
  }

  private void command(Incoming.Command c) {
    Texts t = Texts.forUserLanguage(c.languageCode());
    if (!settings.allows(c.chatId(), c.userId())) {
      refuse(c.chatId(), c.messageId(), c.group(), t);
      return;
    }
    switch (c.name()) {
      case "start", "help" -> send(c.chatId(), c.messageId(), c.group(), help(t));
      case "sources" -> send(c.chatId(), c.messageId(), c.group(), documents(t));
      case "reset" -> {
        conversation(c.chatId()).reset();
        reply(c.chatId(), c.messageId(), c.group(), Html.escape(t.reset()));
      }
      case "ask" -> reply(c.chatId(), c.messageId(), c.group(), Html.escape(t.emptyAsk()));
      case UpdateRouter.TEXT_ONLY -> reply(c.chatId(), c.messageId(), c.group(), Html.escape(t.textOnly()));
      default -> {
        if (!c.group()) { // in groups, an unknown command is probably another bot's
          reply(c.chatId(), c.messageId(), false, Html.escape(t.unknownCommand(c.name())));
        }
      }
    }
  }

  private void callback(Incoming.Callback cb) {
    Texts fallback = Texts.forUserLanguage(cb.languageCode());
    if (!settings.allows(cb.chatId(), cb.userId())) {
      ack(cb, fallback.refused(cb.chatId()));
      return;
    }
    String[] parts = cb.data().split(":");
    RecentAnswers.Entry e = parts.length >= 2 ? recent.get(parts[1]) : null;
    if (e == null || e.chatId() != cb.chatId()) {
      ack(cb, fallback.expired());
      return;
    }
    Texts t = e.texts();
    switch (parts[0]) {
      case "p" -> {
        int n = parts.length > 2 ? parseInt(parts[2]) : -1;
        Citation c = e.shown().stream().filter(x -> x.n() == n).findFirst().orElse(null);
        ack(cb, null);
        if (c != null) {
          send(cb.chatId(), cb.messageId(), true, renderer.passage(c.n(), c.passage(), c.matchedTerms()));
        }
      }
      case "m" -> {
        Set<String> seen = new HashSet<>();
        e.shown().forEach(c -> seen.add(c.passage().id()));
        // Search before answering the button: if it fails, the one callback answer says so.
        List<Hit> more = answerer.search(e.question(), seen.size() + MORE_RESULTS).stream()
            .filter(h -> !seen.contains(h.passage().id())).limit(MORE_RESULTS).toList();
        ack(cb, null);
        send(cb.chatId(), cb.messageId(), true, renderer.more(more, t));
      }
      case "f" -> {
        boolean up = parts.length > 2 && parts[2].equals("u");
        try {
          feedback.append(FeedbackLog.vote(cb.chatId(), cb.userId(), e, up));
        } catch (RuntimeException io) {
          log.error("chat {}: vote not recorded: {}", cb.chatId(), io.getMessage());
          ack(cb, t.failed());
          return;
        }
        ack(cb, t.thanks());
      }
      default -> ack(cb, null);
    }
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private String help(Texts t) {
    StringBuilder b = new StringBuilder(Html.escape(t.usage())).append("\n\n").append(documents(t));
    if (!catalog.examples().isEmpty()) {
      b.append("\n\n<b>").append(t.examples()).append("</b>");
      for (String ex : catalog.examples()) {
        b.append("\n• ").append(Html.escape(ex));
      }
    }
    return b.toString();
  }

  private String documents(Texts t) {
    StringBuilder b = new StringBuilder("<b>").append(t.documents()).append("</b>");
    int i = 1;
    for (String d : catalog.documents()) {
      b.append('\n').append(i++).append(". ").append(Html.escape(d));
    }
    if (!catalog.skipped().isEmpty()) {
      b.append("\n\n<b>").append(t.zh() ? "未收录" : "Not indexed").append("</b>");
      for (String s : catalog.skipped()) {
        b.append("\n· ").append(Html.escape(s));
      }
    }
    return b.toString();
  }

  /** Buttons: each cited passage in full, more results, and the two votes. Callback data is a few bytes. */
  private static InlineKeyboardMarkup keyboard(RecentAnswers.Entry e, Texts t) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow passages = new InlineKeyboardRow();
    for (Citation c : e.shown().subList(0, Math.min(MAX_BUTTON_PASSAGES, e.shown().size()))) {
      passages.add(button(t.showPassage(c.n()), "p:" + e.id() + ":" + c.n()));
    }
    if (!passages.isEmpty()) {
      rows.add(passages);
    }
    rows.add(new InlineKeyboardRow(button(t.moreResults(), "m:" + e.id()),
        button("👍", "f:" + e.id() + ":u"), button("👎", "f:" + e.id() + ":d")));
    return InlineKeyboardMarkup.builder().keyboard(rows).build();
  }

  private static InlineKeyboardButton button(String text, String data) {
    return InlineKeyboardButton.builder().text(text).callbackData(data).build();
  }

  private Conversation conversation(long chatId) {
    return conversations.computeIfAbsent(chatId, id -> new Conversation(maxTurns));
  }

  private void ack(Incoming.Callback cb, String text) {
    sender.execute(AnswerCallbackQuery.builder().callbackQueryId(cb.queryId()).text(text).build());
  }

  private Message reply(long chatId, int replyTo, boolean group, String html) {
    return sendOne(chatId, replyTo, group, html, null);
  }

  /** Sends HTML of any length as valid parts. */
  private void send(long chatId, int replyTo, boolean group, String html) {
    for (String part : splitter.split(html)) {
      sendOne(chatId, replyTo, group, part, null);
    }
  }

  private Message sendOne(long chatId, int replyTo, boolean group, String html, InlineKeyboardMarkup keyboard) {
    try {
      return sender.execute(message(chatId, replyTo, group, html, ParseMode.HTML, keyboard));
    } catch (TelegramSender.SendException e) {
      if (!Html.unparsable(e.errorCode(), e.getMessage())) {
        throw e;
      }
      log.warn("chat {}: Telegram could not read our HTML ({}); sending it once more as plain text", chatId, e.getMessage());
      return sender.execute(message(chatId, replyTo, group, Html.toPlainText(html), null, keyboard));
    }
  }

  private static SendMessage message(long chatId, int replyTo, boolean group, String text, String parseMode,
      InlineKeyboardMarkup keyboard) {
    var b = SendMessage.builder().chatId(chatId).text(text).parseMode(parseMode)
        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
    if (group) { // in a busy group, show which message is answered
      b.replyParameters(ReplyParameters.builder().messageId(replyTo).allowSendingWithoutReply(true).build());
    }
    if (keyboard != null) {
      b.replyMarkup(keyboard);
    }
    return b.build();
  }

  private void edit(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
    try {
      sender.execute(editing(chatId, messageId, html, ParseMode.HTML, keyboard));
    } catch (TelegramSender.SendException e) {
      if (!Html.unparsable(e.errorCode(), e.getMessage())) {
        throw e;
      }
      log.warn("chat {}: Telegram could not read our HTML ({}); editing once more as plain text", chatId, e.getMessage());
      sender.execute(editing(chatId, messageId, Html.toPlainText(html), null, keyboard));
    }
  }

  private static EditMessageText editing(long chatId, int messageId, String text, String parseMode,
      InlineKeyboardMarkup keyboard) {
    var b = EditMessageText.builder().chatId(chatId).messageId(messageId).text(text).parseMode(parseMode)
        .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
    if (keyboard != null) {
      b.replyMarkup(keyboard);
    }
    return b.build();
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.debug("ignored: {}", TokenScrubber.describe(e));
    }
  }

  /**
   * The reply to one question: LLM tokens are shown by editing one message at most once per
   * {@code editEvery}; the final answer replaces it (first part) and follows in new messages.
   */
  private final class StreamingReply {
    private final Incoming.Question q;
    private final StringBuilder text = new StringBuilder();
    private long lastShown;
    private String shownHtml = "";
    private Integer messageId;

    StreamingReply(Incoming.Question q) {
      this.q = q;
      // A reply ready at once (the extractive answer) is sent once, whole: previews start only
      // when the text is still coming after one edit interval.
      this.lastShown = System.nanoTime();
    }

    synchronized void token(String token) {
      text.append(token);
      long now = System.nanoTime();
      if (now - lastShown < settings.editEvery().toNanos() || text.toString().isBlank()) {
        return;
      }
      String html = renderer.partial(text.toString());
      if (html.length() > MessageSplitter.TELEGRAM_LIMIT - 100 || html.equals(shownHtml)) {
        return; // the final answer will be split; don't show a half-cut preview
      }
      lastShown = now;
      try {
        if (messageId == null) {
          messageId = reply(q.chatId(), q.messageId(), q.group(), html).getMessageId();
        } else {
          edit(q.chatId(), messageId, html, null);
        }
        shownHtml = html;
      } catch (RuntimeException e) {
        log.debug("chat {}: streaming update failed: {}", q.chatId(), TokenScrubber.describe(e));
      }
    }

    synchronized void finish(List<String> parts, InlineKeyboardMarkup keyboard) {
      for (int i = 0; i < parts.size(); i++) {
        InlineKeyboardMarkup k = i == parts.size() - 1 ? keyboard : null;
        if (i == 0 && messageId != null) {
          edit(q.chatId(), messageId, parts.get(0), k);
        } else {
          sendOne(q.chatId(), q.messageId(), q.group(), parts.get(i), k);
        }
      }
    }
  }

  /**
   * Stops taking updates and waits up to {@code wait} for answers in flight. True when all
   * finished; the timer is the caller's to close.
   */
  boolean drain(Duration wait) {
    return lanes.close(wait);
  }

  /** Questions queued or being answered (for tests and the shutdown log line). */
  int inFlight() {
    return lanes.pending();
  }
}
