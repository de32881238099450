package io.github.wenda.bot.answer.llm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a negation in a clause: 未 / 没有 / 从未 / 不 / 并非 / 无法 / not / never … Words that only look
 * negative (不断, 不仅, 未来, 非常, 非洲) are not negations. A claim that negates what its supporting clause
 * states positively says the opposite of its source.
 */
final class Negation {
  private static final Pattern CHINESE =
      Pattern.compile(
          "从未|未曾|尚未|并未|没有|并非|绝非|无法|毫无|未(?![来知])|没(?!收)"
              + "|不(?![断仅同少久过但论管只光外禁亚妨错])|(?<![是])非(?![常洲传凡法])");
  private static final Pattern OTHER =
      Pattern.compile(
          "(?i)\\b(?:not|never|no|none|neither|nor|without|cannot)\\b|n't\\b|\\bne\\b|\\bpas\\b|\\bnicht\\b|\\bkein\\w*|\\bnie\\b");

  private Negation() {}

  /** The first negation in {@code text}, if any. */
  static Optional<String> in(String text) {
    Matcher m = CHINESE.matcher(text);
    if (m.find()) {
      return Optional.of(m.group());
    }
    Matcher o = OTHER.matcher(text);
    return o.find() ? Optional.of(o.group().strip()) : Optional.empty();
  }
}
