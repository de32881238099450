package io.github.wenda.bot.cli;

import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import java.util.Arrays;

/** Checks for command-line values, with messages naming the option and value. */
final class Options {
  private Options() {}

  /**
   * {@code --k}: as many passages as one search may return ({@link Query#MAX_K}, like {@code
   * search.k}).
   */
  static int checkK(int k) {
    if (k < 1 || k > Query.MAX_K) {
      throw new UsageException("--k", k, "must be between 1 and " + Query.MAX_K);
    }
    return k;
  }

  /** {@code --mode}: a search mode by its label. */
  static SearchMode mode(String value) {
    for (SearchMode m : SearchMode.values()) {
      if (m.label().equalsIgnoreCase(value.strip())) {
        return m;
      }
    }
    throw new UsageException(
        "--mode",
        value,
        "must be one of " + Arrays.stream(SearchMode.values()).map(SearchMode::label).toList());
  }
}
