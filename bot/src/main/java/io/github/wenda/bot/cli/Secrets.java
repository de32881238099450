package io.github.wenda.bot.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The secret values of an environment (bot token, API keys), to mask them in what Wenda prints
 * about a failure: an exception's message may quote a URL or a request that carries one.
 */
final class Secrets {
  /** Shorter values are too likely to occur by chance ("true", a port) to be masked everywhere. */
  private static final int MIN_LENGTH = 8;

  private static final List<String> SECRET_NAME_PARTS =
      List.of("TOKEN", "KEY", "SECRET", "PASSWORD");

  private final List<String> values;

  private Secrets(List<String> values) {
    this.values = values;
  }

  /** The values of {@code env}'s variables whose names say they hold a secret. */
  static Secrets in(Map<String, String> env) {
    List<String> values = new ArrayList<>();
    env.forEach(
        (name, value) -> {
          String upper = name.toUpperCase(Locale.ROOT);
          if (value != null
              && value.strip().length() >= MIN_LENGTH
              && SECRET_NAME_PARTS.stream().anyMatch(upper::contains)) {
            values.add(value.strip());
          }
        });
    // Longest first, so that a secret containing another is masked whole.
    values.sort(Comparator.comparingInt(String::length).reversed());
    return new Secrets(List.copyOf(values));
  }

  /** {@code text} with every secret value replaced by {@code ***}. */
  String scrub(String text) {
    String out = text;
    for (String value : values) {
      out = out.replace(value, "***");
    }
    return out;
  }
}
