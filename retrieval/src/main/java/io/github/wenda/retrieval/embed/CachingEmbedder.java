package io.github.wenda.retrieval.embed;

import io.github.wenda.retrieval.api.Embedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of recently embedded texts, so a question asked again (by another chat, or
 * retried) costs no model run. Bounded (least recently used goes first) and thread-safe.
 */
public final class CachingEmbedder implements Embedder {
  private final Embedder delegate;
  private final Map<String, float[]> cache;

  public CachingEmbedder(Embedder delegate, int capacity) {
    this.delegate = delegate;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public String modelId() {
    return delegate.modelId();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public void prepare() {
    delegate.prepare();
  }

  @Override
  public void prepareForPassages() {
    delegate.prepareForPassages();
  }

  @Override
  public float[] embed(String text) {
    synchronized (cache) {
      float[] v = cache.get(text);
      if (v != null) {
        return v;
      }
    }
    float[] v = delegate.embed(text);
    synchronized (cache) {
      cache.put(text, v);
    }
    return v;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    synchronized (cache) {
      for (int i = 0; i < texts.size(); i++) {
        float[] v = cache.get(texts.get(i));
        if (v == null) {
          missing.add(texts.get(i));
          where.add(i);
        } else {
          out[i] = v;
        }
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> computed = delegate.embed(missing);
      synchronized (cache) {
        for (int j = 0; j < missing.size(); j++) {
          out[where.get(j)] = computed.get(j);
          cache.put(missing.get(j), computed.get(j));
        }
      }
    }
    return List.of(out);
  }
}
