package io.github.wenda.bot.telegram;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an inline button under an answer asks for, and its wire form in {@code callback_data}:
 * {@code p:<answer>:<n>} (show passage n in full), {@code m:<answer>} (more results) and {@code
 * f:<answer>:u} / {@code f:<answer>:d} (a vote). {@code <answer>} is a {@link RecentAnswers} id.
 * Telegram refuses a keyboard whose callback data exceeds {@link #MAX_BYTES}, and anyone can send a
 * callback query with any data, so {@link #decode} accepts only the exact forms above.
 */
sealed interface CallbackData {
  /** Telegram's limit for {@code callback_data}, in UTF-8 bytes. */
  int MAX_BYTES = 64;

  /** Answer ids as {@link RecentAnswers} makes them (base-36 run, a dot, a base-36 counter). */
  Pattern ANSWER_ID = Pattern.compile("[0-9a-z][0-9a-z.]{0,47}");

  /** The largest passage number a button can name; answers cite a handful. */
  int MAX_PASSAGE = 999;

  /** The answer this button belongs to. */
  String answerId();

  /** Show the full text of passage {@code n} of the answer. */
  record ShowPassage(String answerId, int n) implements CallbackData {
    public ShowPassage {
      checkId(answerId);
      if (n < 1 || n > MAX_PASSAGE) {
        throw new IllegalArgumentException(
            "passage number must be 1.." + MAX_PASSAGE + ", but is: " + n);
      }
    }

    @Override
    public String encode() {
      return "p:" + answerId + ":" + n;
    }
  }

  /** Show further search results for the answer's question. */
  record MoreResults(String answerId) implements CallbackData {
    public MoreResults {
      checkId(answerId);
    }

    @Override
    public String encode() {
      return "m:" + answerId;
    }
  }

  /** A 👍 ({@code up}) or 👎 on the answer. */
  record Vote(String answerId, boolean up) implements CallbackData {
    public Vote {
      checkId(answerId);
    }

    @Override
    public String encode() {
      return "f:" + answerId + ":" + (up ? "u" : "d");
    }
  }

  /** The wire form; always within {@link #MAX_BYTES}, since ids and passage numbers are bounded. */
  String encode();

  /**
   * The button's meaning, or empty for anything not made by {@link #encode} (malformed, oversized,
   * foreign).
   */
  static Optional<CallbackData> decode(String data) {
    if (data == null || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.empty();
    }
    Matcher m = Wire.FORM.matcher(data);
    if (!m.matches()) {
      return Optional.empty();
    }
    String id = m.group(2);
    String arg = m.group(3);
    return switch (m.group(1)) {
      case "p" ->
          arg != null && arg.chars().allMatch(Character::isDigit) && !arg.startsWith("0")
              ? Optional.of(new ShowPassage(id, Integer.parseInt(arg)))
              : Optional.empty();
      case "m" -> arg == null ? Optional.of(new MoreResults(id)) : Optional.empty();
      case "f" ->
          "u".equals(arg) || "d".equals(arg)
              ? Optional.of(new Vote(id, arg.equals("u")))
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static void checkId(String answerId) {
    if (answerId == null || !ANSWER_ID.matcher(answerId).matches()) {
      throw new IllegalArgumentException(
          "answer id must match " + ANSWER_ID + ", but is: " + answerId);
    }
  }

  /** The parsing pattern, kept out of the interface's public constants. */
  final class Wire {
    static final Pattern FORM =
        Pattern.compile("([pmf]):(" + ANSWER_ID.pattern() + ")(?::([0-9]{1,3}|[ud]))?");

    private Wire() {}
  }
}
