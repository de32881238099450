package io.github.wenda.retrieval.testing;

import io.github.wenda.retrieval.api.Embedder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in for the neural model in tests of our own index code: hashed character bigrams,
 * L2-normalised, so texts sharing bigrams are near. Counts what it embedded, so tests can prove
 * that unchanged passages are not embedded again.
 */
public final class HashingEmbedder implements Embedder {
  private static final int DIM = 64;
  private final AtomicInteger embedded = new AtomicInteger();
  private final String modelId;

  public HashingEmbedder() {
    this("hashing-test");
  }

  public HashingEmbedder(String modelId) {
    this.modelId = modelId;
  }

  public int embedded() {
    return embedded.get();
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public int dimension() {
    return DIM;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    List<float[]> out = new ArrayList<>();
    for (String t : texts) {
      float[] v = new float[DIM];
      for (int i = 0; i + 1 < t.length(); i++) {
        v[Math.floorMod(t.substring(i, i + 2).hashCode(), DIM)] += 1;
      }
      v[0] += 0.01f; // never the zero vector, which cosine cannot handle
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      for (int i = 0; i < DIM; i++) {
        v[i] /= (float) Math.sqrt(norm);
      }
      out.add(v);
      embedded.incrementAndGet();
    }
    return out;
  }
}
