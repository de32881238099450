package io.github.wenda.retrieval.index;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * BAAI's bge-small-zh-v1.5 (quantized), run in-process from the model bundled in its Maven
 * artifact: nothing is downloaded. The model is loaded on first use (about 0.7 s), so commands that
 * reuse an index and only run BM25 never pay for it.
 */
public final class BgeSmallZhEmbedder implements Embedder {
  public static final String MODEL_ID = "bge-small-zh-v1.5-q";
  private static final int DIMENSION = 512;

  private volatile EmbeddingModel model;

  @Override
  public String modelId() {
    return MODEL_ID;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      // The model rejects empty input; a lone space embeds to a neutral vector.
      segments.add(TextSegment.from(t.isBlank() ? " " : t));
    }
    List<Embedding> embeddings = model().embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (Embedding e : embeddings) {
      out.add(e.vector());
    }
    return out;
  }

  // One text (a question) goes straight to the model: embedAll hands batches to a thread pool,
  // which costs a thread hop per question.
  @Override
  public float[] embed(String text) {
    return model().embed(text.isBlank() ? " " : text).content().vector();
  }

  private EmbeddingModel model() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) {
          model = new BgeSmallZhV15QuantizedEmbeddingModel();
        }
        m = model;
      }
    }
    return m;
  }
}
