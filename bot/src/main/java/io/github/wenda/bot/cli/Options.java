package io.github.wenda.bot.cli;

/** Checks for command-line values, with messages naming the option and value. */
final class Options {
  private Options() {}

  static int checkK(int k) {
    if (k < 1 || k > 100) {
      throw new IllegalArgumentException("--k must be between 1 and 100, but is: " + k);
    }
    return k;
  }
}
