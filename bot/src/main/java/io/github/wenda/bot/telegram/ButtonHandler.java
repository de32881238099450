package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Citation;
import io.github.wenda.retrieval.api.Hit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Button presses under an answer: a cited passage in full, more results, a vote. The button's data
 * is decoded by {@link CallbackData}; data it does not accept, and answers forgotten or from
 * another chat, get "this answer is too old". Every press gets exactly one callback answer.
 */
final class ButtonHandler {
  private static final Logger log = LoggerFactory.getLogger(ButtonHandler.class);

  /** Further results per "more results" press: about one phone screen of headings and excerpts. */
  static final int MORE_RESULTS = 5;

  private final RecentAnswers recent;
  private final Answerer answerer;
  private final FeedbackLog feedback;
  private final TelegramReplies replies;
  private final HtmlRenderer renderer;

  ButtonHandler(
      RecentAnswers recent,
      Answerer answerer,
      FeedbackLog feedback,
      TelegramReplies replies,
      HtmlRenderer renderer) {
    this.recent = recent;
    this.answerer = answerer;
    this.feedback = feedback;
    this.replies = replies;
    this.renderer = renderer;
  }

  /**
   * Whether the press is a vote: recorded even when the bot is too busy to answer (no answering
   * work).
   */
  static boolean isVote(Incoming.Callback cb) {
    return CallbackData.decode(cb.data()).filter(d -> d instanceof CallbackData.Vote).isPresent();
  }

  void press(Incoming.Callback cb) {
    Optional<CallbackData> data = CallbackData.decode(cb.data());
    Optional<RecentAnswers.Entry> entry =
        data.flatMap(d -> recent.get(d.answerId())).filter(e -> e.chatId() == cb.chatId());
    if (entry.isEmpty()) {
      replies.ack(cb, Texts.forUserLanguage(cb.languageCode()).expired());
      return;
    }
    RecentAnswers.Entry e = entry.get();
    CallbackData d = data.get();
    if (d instanceof CallbackData.ShowPassage p) {
      Optional<Citation> c = e.shown().stream().filter(x -> x.n() == p.n()).findFirst();
      replies.ack(cb);
      c.ifPresent(
          x ->
              replies.sendSplit(
                  cb.target(), renderer.passage(x.n(), x.passage(), x.matchedTerms())));
    } else if (d instanceof CallbackData.MoreResults) {
      Set<String> seen = new HashSet<>();
      e.shown().forEach(c -> seen.add(c.passage().id()));
      // Search before answering the button: if it fails, the one callback answer says so.
      List<Hit> more =
          answerer.search(e.question(), seen.size() + MORE_RESULTS).stream()
              .filter(h -> !seen.contains(h.passage().id()))
              .limit(MORE_RESULTS)
              .toList();
      replies.ack(cb);
      replies.sendSplit(cb.target(), renderer.more(more, e.texts()));
    } else if (d instanceof CallbackData.Vote v) {
      try {
        feedback.append(FeedbackLog.vote(cb.chatId(), cb.userId(), e, v.up()));
      } catch (RuntimeException io) {
        log.error("chat {}: vote not recorded: {}", cb.chatId(), io.getMessage());
        replies.ack(cb, e.texts().failed());
        return;
      }
      replies.ack(cb, e.texts().thanks());
    }
  }
}
