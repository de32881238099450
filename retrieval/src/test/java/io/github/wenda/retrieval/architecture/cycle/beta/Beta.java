package io.github.wenda.retrieval.architecture.cycle.beta;

import io.github.wenda.retrieval.architecture.cycle.alpha.Alpha;

/** The other half of the deliberate package cycle (see {@link Alpha}). */
public final class Beta {
  /** Uses the other package, which uses this one. */
  public Alpha partner() {
    return new Alpha();
  }
}
