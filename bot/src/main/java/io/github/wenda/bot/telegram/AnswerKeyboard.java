package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Citation;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** The buttons under an answer: each cited passage in full, more results, and the two votes. */
final class AnswerKeyboard {
  /**
   * "Full [n]" buttons share one row, kept readable on a phone; further passages are still quoted.
   */
  static final int MAX_PASSAGE_BUTTONS = 5;

  private AnswerKeyboard() {}

  static InlineKeyboardMarkup of(RecentAnswers.Entry e, Texts t) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    InlineKeyboardRow passages = new InlineKeyboardRow();
    for (Citation c : e.shown().subList(0, Math.min(MAX_PASSAGE_BUTTONS, e.shown().size()))) {
      passages.add(button(t.showPassage(c.n()), new CallbackData.ShowPassage(e.id(), c.n())));
    }
    if (!passages.isEmpty()) {
      rows.add(passages);
    }
    rows.add(
        new InlineKeyboardRow(
            button(t.moreResults(), new CallbackData.MoreResults(e.id())),
            button("👍", new CallbackData.Vote(e.id(), true)),
            button("👎", new CallbackData.Vote(e.id(), false))));
    return InlineKeyboardMarkup.builder().keyboard(rows).build();
  }

  private static InlineKeyboardButton button(String text, CallbackData data) {
    return InlineKeyboardButton.builder().text(text).callbackData(data.encode()).build();
  }
}
