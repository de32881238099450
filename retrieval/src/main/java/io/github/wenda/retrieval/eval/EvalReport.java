package io.github.wenda.retrieval.eval;

import io.github.wenda.retrieval.api.SearchMode;
import java.util.List;
import java.util.Optional;

/** The result of an evaluation run: one {@link ModeResult} per mode, in the order asked. */
public record EvalReport(int k, int answerable, int unanswerable, List<ModeResult> modes) {
  public EvalReport {
    modes = List.copyOf(modes);
  }

  public Optional<ModeResult> mode(SearchMode mode) {
    return modes.stream().filter(m -> m.mode() == mode).findFirst();
  }
}
