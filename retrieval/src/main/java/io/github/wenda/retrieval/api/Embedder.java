package io.github.wenda.retrieval.api;

import java.util.List;

/** Turns texts into vectors of a fixed dimension; the model id goes into the index manifest. */
public interface Embedder {
  String modelId();

  int dimension();

  /** One vector per text, in order. */
  List<float[]> embed(List<String> texts);

  default float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }

  /**
   * A hint that embedding comes soon: a model may start loading in the background, so its loading
   * overlaps other start-up work. Nothing by default.
   */
  default void prepare() {}

  /**
   * As {@link #prepare()}, for lists of passages (indexing) rather than a question: a model may
   * run the two differently. {@link #prepare()} by default.
   */
  default void prepareForPassages() {
    prepare();
  }
}
