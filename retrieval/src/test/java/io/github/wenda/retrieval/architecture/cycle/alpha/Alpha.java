package io.github.wenda.retrieval.architecture.cycle.alpha;

import io.github.wenda.retrieval.architecture.cycle.beta.Beta;

/** Half of a deliberate package cycle, so the architecture test can show its cycle rule fails. */
public final class Alpha {
  /** Uses the other package, which uses this one. */
  public Beta partner() {
    return new Beta();
  }
}
