package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.conversation.ConversationStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Answers one question of an admitted chat: refuses one that is too long or over the chat's rate,
 * keeps "typing…" alive while answering, streams the draft, then sends the rendered answer with its
 * buttons and remembers it for them.
 */
final class QuestionHandler {
  private static final Logger log = LoggerFactory.getLogger(QuestionHandler.class);

  private final TelegramSettings settings;
  private final Answerer answerer;
  private final ConversationStore<Long> conversations;
  private final RecentAnswers recent;
  private final RateLimiter limiter;
  private final TelegramReplies replies;
  private final HtmlRenderer renderer;
  private final ScheduledExecutorService timer;
  private final TokenScrubber scrubber;

  QuestionHandler(
      TelegramSettings settings,
      Answerer answerer,
      ConversationStore<Long> conversations,
      RecentAnswers recent,
      TelegramReplies replies,
      HtmlRenderer renderer,
      ScheduledExecutorService timer,
      TokenScrubber scrubber) {
    this.settings = settings;
    this.answerer = answerer;
    this.conversations = conversations;
    this.recent = recent;
    this.limiter = new RateLimiter(settings.ratePerMinute(), System::nanoTime);
    this.replies = replies;
    this.renderer = renderer;
    this.timer = timer;
    this.scrubber = scrubber;
  }

  void answer(Incoming.Question q) {
    Texts t = Texts.forQuestion(q.text());
    TelegramReply reply =
        new TelegramReply(
            replies,
            renderer,
            q.target(),
            t,
            a -> Optional.of(keyboard(q, t, a)),
            settings.editEvery(),
            scrubber);
    int length = q.text().codePointCount(0, q.text().length());
    if (length > settings.maxQuestionChars()) {
      reply.notice(t.tooLong(length, settings.maxQuestionChars()));
      return;
    }
    long wait = limiter.tryAcquire(q.chatId());
    if (wait > 0) {
      reply.notice(t.rateLimited(wait));
      return;
    }
    TypingKeepAlive typing =
        TypingKeepAlive.start(replies, timer, q.chatId(), settings.typingEvery());
    try {
      Answer answer;
      try {
        answer = answerer.answer(conversations.of(q.chatId()), q.text(), reply);
      } catch (RuntimeException e) {
        log.error("chat {}: answering failed: {}", q.chatId(), scrubber.describe(e));
        reply.notice(t.failed());
        return;
      }
      reply.answer(answer);
    } finally {
      typing.stop();
    }
  }

  /**
   * The buttons, remembering the answer for them: the cited passages, or the related ones when none
   * is cited.
   */
  private InlineKeyboardMarkup keyboard(Incoming.Question q, Texts t, Answer answer) {
    List<Citation> shown =
        answer.found()
            ? answer.citations()
            : answer.related().stream().map(h -> new Citation(h.rank(), h)).toList();
    return AnswerKeyboard.of(recent.add(q.chatId(), q.text(), t, shown), t);
  }
}
