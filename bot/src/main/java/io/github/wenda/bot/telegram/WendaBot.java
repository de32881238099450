package io.github.wenda.bot.telegram;

import io.github.wenda.bot.conversation.ConversationStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The bot's update routing: the {@link UpdatePoller} calls {@link #consume} on its thread once a
 * batch is in the {@link UpdateJournal}; each update is read by the {@link UpdateRouter}, queued on
 * its chat's lane (one question at a time per chat, chats in parallel), admitted by the {@link
 * AccessGuard}, and handed to the handler for its kind: {@link QuestionHandler}, {@link
 * CommandHandler}, {@link ButtonHandler}. An update is marked done in the journal once handled
 * (answered, refused, or failed for good), never when the bot stopped first: those are answered
 * after the restart.
 */
public final class WendaBot {
  private static final Logger log = LoggerFactory.getLogger(WendaBot.class);

  private final UpdateRouter router;
  private final UpdateJournal journal;
  private final ScheduledExecutorService timer;
  private final TokenScrubber scrubber;
  private final ChatStripedExecutor lanes;
  private final TelegramReplies replies;
  private final HtmlRenderer renderer = new HtmlRenderer();
  private final AccessGuard guard;
  private final QuestionHandler questions;
  private final CommandHandler commands;
  private final ButtonHandler buttons;

  WendaBot(
      TelegramSettings settings,
      TelegramSender sender,
      UpdateRouter router,
      Answerer answerer,
      BotCatalog catalog,
      FeedbackLog feedback,
      int maxTurns,
      ScheduledExecutorService timer,
      UpdateJournal journal) {
    this.router = router;
    this.journal = journal;
    this.timer = timer;
    this.scrubber = sender.scrubber();
    this.lanes =
        new ChatStripedExecutor(
            settings.workers(), settings.maxQueued(), settings.maxQueuedPerChat(), scrubber);
    this.replies = new TelegramReplies(sender);
    ConversationStore<Long> conversations =
        new ConversationStore<>(maxTurns, settings.maxConversations());
    RecentAnswers recent = new RecentAnswers(settings.rememberedAnswers());
    this.guard = new AccessGuard(settings, new RefusalLimiter(System::nanoTime), replies, renderer);
    this.questions =
        new QuestionHandler(
            settings, answerer, conversations, recent, replies, renderer, timer, scrubber);
    this.commands = new CommandHandler(catalog, conversations, replies, renderer);
    this.buttons = new ButtonHandler(recent, answerer, feedback, replies, renderer);
  }

  /** Routes each update to its lane; never throws (the poller must go on). */
  public void consume(List<Update> updates) {
    for (Update update : updates) {
      try {
        dispatch(update);
      } catch (Throwable t) {
        log.error(
            "update {} dropped: {} (this is a bug, please report it)",
            update == null ? null : update.getUpdateId(),
            scrubber.describe(t));
        if (update != null && !lanes.isClosed()) {
          done(update);
        }
      }
    }
  }

  private void dispatch(Update update) {
    Incoming routed = router.route(update);
    if (!(routed instanceof Incoming.FromUser in)) {
      log.debug("update {} ignored: {}", update.getUpdateId(), ((Incoming.Ignored) routed).why());
      done(update);
      return;
    }
    // Buttons get their own lane per chat: showing a passage need not wait for a slow answer.
    Object lane = in instanceof Incoming.Callback ? "callback:" + in.chatId() : in.chatId();
    if (lanes.submit(lane, () -> handleThenMark(in, update))) {
      return;
    }
    if (lanes.isClosed()) {
      log.info(
          "stopping: update {} stays in the journal, to be answered after the restart",
          update.getUpdateId());
      return;
    }
    log.warn("chat {} is busy: update {} refused", in.chatId(), update.getUpdateId());
    // Off the poll thread: the refusal may wait on Telegram's retry_after.
    timer.execute(
        () -> {
          try {
            refuseBusy(in);
          } catch (RuntimeException e) {
            log.warn(
                "chat {}: telling it we are busy failed: {}", in.chatId(), scrubber.describe(e));
          } finally {
            done(update);
          }
        });
  }

  /**
   * Over the queue limits. A vote is still recorded (a line on disk, no answering work), and every
   * button press gets its answerCallbackQuery, so Telegram's spinner stops and nothing is dropped
   * unseen.
   */
  private void refuseBusy(Incoming.FromUser in) {
    if (in instanceof Incoming.Callback cb && ButtonHandler.isVote(cb)) {
      if (guard.admits(cb)) {
        buttons.press(cb);
      }
    } else {
      tell(in, Texts.of(in).busy());
    }
  }

  private void handleThenMark(Incoming.FromUser in, Update update) {
    handle(in);
    // Interrupted: the bot is stopping and may have cut the answer short; answer it again after the
    // restart.
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

  private void handle(Incoming.FromUser in) {
    try {
      if (!guard.admits(in)) {
        return;
      }
      if (in instanceof Incoming.Question q) {
        questions.answer(q);
      } else if (in instanceof Incoming.Command c) {
        commands.run(c);
      } else if (in instanceof Incoming.Callback cb) {
        buttons.press(cb);
      }
    } catch (TelegramSender.SendException e) {
      log.warn("chat {}: {}", in.chatId(), e.getMessage());
    } catch (RuntimeException e) {
      // A bug in answering one update: say so in one line, tell the user, and go on with the next.
      log.error(
          "chat {}: unexpected error: {} (this is a bug, please report it)",
          in.chatId(),
          scrubber.describe(e));
      log.debug("stack trace", e);
      try {
        tell(in, Texts.of(in).failed());
      } catch (RuntimeException ignored) {
        log.debug("ignored: {}", scrubber.describe(ignored));
      }
    }
  }

  /** A one-line notice: a toast on a button press, a message otherwise. */
  private void tell(Incoming.FromUser in, String text) {
    if (in instanceof Incoming.Callback cb) {
      replies.ack(cb, text);
    } else {
      replies.send(in.target(), renderer.notice(text));
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
