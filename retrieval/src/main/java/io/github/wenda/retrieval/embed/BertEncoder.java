package io.github.wenda.retrieval.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A BERT bi-encoder with CLS pooling run straight on ONNX Runtime, with the thread layout chosen
 * for throughput on few cores.
 *
 * <p>Tokenisation, the split of long texts into 510-token windows, pooling and normalisation follow
 * LangChain4j's {@code OnnxBertBiEncoder} step for step, so a text gets the same vector as through
 * {@code BgeSmallZhV15QuantizedEmbeddingModel} (a test holds them within float tolerance).
 *
 * <p>Why not one padded run per batch: this model is dynamically quantized, and its activation
 * scale is computed over the whole input tensor, so a text's vector depends on its batch-mates and
 * padding (cosine 0.9925 to the per-text vector for a short text in a batch of 300-character
 * passages) — and measured on 2 cores it embedded fewer passages per CPU-second (14-15) than
 * LangChain4j (16.3). LangChain4j's own layout, a 2-thread executor calling a session with its own
 * 2-thread pool, puts 4 busy threads on 2 cores. Here the session runs each text on the calling
 * thread alone and {@code parallelism} workers run texts side by side: 23-25 passages per
 * CPU-second.
 */
final class BertEncoder implements AutoCloseable {
  /** 512 positions minus [CLS] and [SEP]. */
  private static final int MAX_TOKENS = 510;

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final long clsId;
  private final long sepId;

  private final ExecutorService workers;

  private BertEncoder(
      OrtEnvironment environment,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      int parallelism) {
    this.environment = environment;
    this.workers =
        parallelism <= 1
            ? null
            : Executors.newFixedThreadPool(
                parallelism,
                r -> {
                  Thread t = new Thread(r, "wenda-embed");
                  t.setDaemon(true);
                  return t;
                });
    this.session = session;
    this.tokenizer = tokenizer;
    Set<String> inputs = session.getInputNames();
    this.typeIds = inputs.contains("token_type_ids");
    long[] empty = tokenizer.encode("", true, false).getIds();
    this.clsId = empty[0];
    this.sepId = empty[empty.length - 1];
  }

  /**
   * Loads the model and tokenizer from class-path resources (the model's Maven artifact): each run
   * on one thread, {@code parallelism} workers running the texts of a list side by side.
   */
  static BertEncoder fromClasspath(
      String modelResource, String tokenizerResource, int parallelism) {
    return fromClasspath(modelResource, tokenizerResource, 1, parallelism);
  }

  /**
   * As {@link #fromClasspath(String, String, int)}, each run split over {@code runThreads} threads
   * (the caller and {@code runThreads - 1} of the session's own). For one text at a time, as a
   * question is: its run is too short to share with another text, but not to split.
   */
  static BertEncoder fromClasspath(
      String modelResource, String tokenizerResource, int runThreads, int parallelism) {
    if (runThreads < 1) {
      throw new IllegalArgumentException(
          "threads per run must be at least 1, but is: " + runThreads);
    }
    try {
      byte[] model;
      try (InputStream in = resource(modelResource)) {
        model = in.readAllBytes();
      }
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      // One thread per run for lists: the texts of a list run side by side instead (see the class
      // comment).
      options.setIntraOpNumThreads(runThreads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      if (runThreads > 1) {
        // ONNX Runtime's own threads otherwise spin for work after each step of a run, taking the
        // core that BM25 runs on beside the question, and other processes' time: on 2 shared cores
        // a question then took 2-5 times as long (measured) as with the threads sleeping.
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
      }
      OrtSession session = env.createSession(model, options);
      HuggingFaceTokenizer tokenizer;
      try (InputStream in = resource(tokenizerResource)) {
        tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
      }
      return new BertEncoder(env, session, tokenizer, parallelism);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the embedding model " + modelResource + ": " + e.getMessage(), e);
    } catch (OrtException e) {
      throw new IllegalStateException(
          "cannot load the embedding model " + modelResource + ": " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = BertEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("not on the class path: " + name);
    }
    return in;
  }

  /**
   * One unit vector per text, in order. Texts are spread over the workers, each text one ONNX run
   * per window on a one-thread session: exactly LangChain4j's computation, and the cheapest per
   * CPU-second (see the class comment).
   */
  List<float[]> embed(List<String> texts) {
    if (texts.size() == 1 || workers == null) {
      List<float[]> out = new ArrayList<>(texts.size());
      for (String t : texts) {
        out.add(embedOne(t));
      }
      return out;
    }
    List<Future<float[]>> futures = new ArrayList<>(texts.size());
    for (String t : texts) {
      futures.add(workers.submit(() -> embedOne(t)));
    }
    List<float[]> out = new ArrayList<>(texts.size());
    try {
      for (Future<float[]> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("embedding failed: " + e.getCause(), e.getCause());
    }
    return out;
  }

  /**
   * One text: one run per 510-token window, CLS vectors averaged by window length, then normalised.
   */
  float[] embedOne(String text) {
    // A text that fits one window (every question, every passage of up to ~500 characters) is
    // encoded once: LangChain4j's path (tokenize, rebuild the text from its tokens, tokenize and
    // encode again) gives these same ids where the text round-trips and costs ~0.23 ms against
    // ~0.07 ms, which is a twentieth of a question's whole embedding.
    long[] ids = tokenizer.encode(text, true, false).getIds();
    if (ids.length > 2 && ids.length <= MAX_TOKENS + 2) {
      Item whole = new Item(0, ids, ids.length - 2);
      run(whole);
      return normalize(whole.cls);
    }
    List<Item> windows = new ArrayList<>(1);
    windows(0, text, windows);
    for (Item w : windows) {
      run(w);
    }
    return normalize(weightedAverage(windows));
  }

  /**
   * Adds the windows of text {@code t} to {@code items}: token ids with [CLS] and [SEP], as
   * LangChain4j makes them.
   */
  private void windows(int t, String text, List<Item> items) {
    List<String> tokens = tokenizer.tokenize(text);
    int before = items.size();
    int from = 1; // after [CLS]
    while (from < tokens.size() - 1) { // before [SEP]
      int to = from + MAX_TOKENS;
      if (to >= tokens.size() - 1) {
        to = tokens.size() - 1;
      } else {
        while (tokens.get(to).startsWith("##")) { // never split a word
          to--;
        }
      }
      List<String> window = tokens.subList(from, to);
      items.add(new Item(t, tokenizer.encode(toText(window), true, false).getIds(), window.size()));
      from = to;
    }
    if (items.size() == before) {
      // Blank text: LangChain4j refuses it; [CLS][SEP] gives a neutral vector instead.
      items.add(new Item(t, new long[] {clsId, sepId}, 1));
    }
  }

  // As LangChain4j: the window's text rebuilt from its tokens when that round-trips, else the
  // tokens joined.
  private String toText(List<String> tokens) {
    String text = tokenizer.buildSentence(tokens);
    List<String> again = new LinkedList<>(tokenizer.tokenize(text));
    again.remove(0);
    again.remove(again.size() - 1);
    return again.equals(tokens) ? text : String.join("", tokens);
  }

  private void run(Item item) {
    long[] shape = {1, item.ids.length};
    long[] mask = new long[item.ids.length];
    java.util.Arrays.fill(mask, 1L);
    try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(item.ids), shape);
        OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor types =
            OnnxTensor.createTensor(
                environment, LongBuffer.wrap(new long[item.ids.length]), shape)) {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", ids);
      inputs.put("attention_mask", attention);
      if (typeIds) {
        inputs.put("token_type_ids", types);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        item.cls = ((float[][][]) result.get(0).getValue())[0][0];
      }
    } catch (OrtException e) {
      throw new IllegalStateException(
          "embedding a text of " + item.ids.length + " tokens failed: " + e.getMessage(), e);
    }
  }

  private static float[] weightedAverage(List<Item> windows) {
    if (windows.size() == 1) {
      return windows.get(0).cls;
    }
    int dimensions = windows.get(0).cls.length;
    float[] sum = new float[dimensions];
    int total = 0;
    for (Item w : windows) {
      total += w.weight;
      for (int j = 0; j < dimensions; j++) {
        sum[j] += w.cls[j] * w.weight;
      }
    }
    for (int j = 0; j < dimensions; j++) {
      sum[j] /= total;
    }
    return sum;
  }

  private static float[] normalize(float[] v) {
    float sumSquare = 0;
    for (float x : v) {
      sumSquare += x * x;
    }
    float norm = (float) Math.sqrt(sumSquare);
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] / norm;
    }
    return out;
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
    try {
      session.close();
    } catch (OrtException e) {
      // Closing at exit; nothing to keep.
    }
    tokenizer.close();
  }

  /** One window of one text and its weight (tokens); {@code cls} is filled in by its run. */
  private static final class Item {
    final int text;
    final long[] ids;
    final int weight;
    float[] cls;

    Item(int text, long[] ids, int weight) {
      this.text = text;
      this.ids = ids;
      this.weight = weight;
    }
  }
}
