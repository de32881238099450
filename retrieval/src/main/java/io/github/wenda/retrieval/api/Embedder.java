package io.github.wenda.retrieval.api;

import java.util.List;

/**
 * Turns texts into vectors of a fixed dimension; the model id goes into the index manifest.
 *
 * <p>The contract every implementation keeps (and {@code EmbedderContract} tests): {@link
 * #embed(List)} returns exactly one vector per text, in the order of the texts, an empty list for
 * an empty list; every vector has {@link #dimension()} components, all finite, and unit length
 * (L2-normalised), so a dot product is the cosine; the same text gives the same vector whether
 * embedded alone, in a batch or again later (within float tolerance), so vectors stored in an index
 * stay comparable with those of new questions. Implementations are thread-safe.
 */
public interface Embedder {
  /** Names the model; vectors of different model ids must never be compared. */
  String modelId();

  /** The number of components of every vector, at least 1. */
  int dimension();

  /** One unit-length vector per text, in order; an empty list for an empty list. */
  List<float[]> embed(List<String> texts);

  /** The vector of one text: the same as the text's vector in any batch. */
  default float[] embed(String text) {
    return embed(List.of(text)).get(0);
  }

  /**
   * A hint that embedding comes soon: a model may start loading in the background, so its loading
   * overlaps other start-up work. Nothing by default.
   */
  default void prepare() {}

  /**
   * As {@link #prepare()}, for lists of passages (indexing) rather than a question: a model may run
   * the two differently. {@link #prepare()} by default.
   */
  default void prepareForPassages() {
    prepare();
  }
}
