package io.github.wenda.retrieval.embed;

import io.github.wenda.retrieval.api.Embedder;
import java.util.List;

/**
 * BAAI's bge-small-zh-v1.5 (quantized), run in-process on ONNX Runtime from the model bundled in
 * LangChain4j's Maven artifact: nothing is downloaded. The texts of a list are embedded side by
 * side, one per core, each on one thread (see {@link BertEncoder}); vectors equal LangChain4j's
 * within float tolerance. The model is loaded on first use (about 0.7 s), or ahead of it by
 * {@link #prepare()}, so commands that only run BM25 never pay for it.
 */
public final class BgeSmallZhEmbedder implements Embedder {
  public static final String MODEL_ID = "bge-small-zh-v1.5-q";
  private static final int DIMENSION = 512;
  private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

  private final int threads;
  private volatile BertEncoder encoder;

  /** Lists of texts embedded by one worker per core. */
  public BgeSmallZhEmbedder() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** Lists of texts embedded by {@code threads} workers (1..256), each running ONNX on one thread. */
  public BgeSmallZhEmbedder(int threads) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("embedding threads must be between 1 and 256, but is: " + threads);
    }
    this.threads = threads;
  }

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
    return texts.isEmpty() ? List.of() : encoder().embed(texts);
  }

  @Override
  public float[] embed(String text) {
    return encoder().embed(List.of(text)).get(0);
  }

  /** Longest wait at exit for a model load that is still running: a load takes about a second. */
  private static final long LOAD_WAIT_AT_EXIT_MS = 30_000;

  private volatile Thread loader;

  /** The process's one instance for the default thread count: one session, loaded once. */
  public static BgeSmallZhEmbedder shared() {
    return Shared.INSTANCE;
  }

  private static final class Shared {
    static final BgeSmallZhEmbedder INSTANCE = new BgeSmallZhEmbedder();
  }

  /**
   * Starts loading the model on a background thread, so that it overlaps opening the index; the
   * first embedding then waits only for what is left. Returns at once.
   */
  @Override
  public void prepare() {
    if (encoder != null) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        encoder();
      } catch (RuntimeException e) {
        // The first real use loads again and reports the failure where it matters.
      }
    }, "wenda-model-load");
    t.setDaemon(true);
    loader = t;
    t.start();
  }

  /**
   * Waits (bounded) for a background load started by {@link #prepare()} to finish. Call before the
   * process exits: a JVM that halts while ONNX Runtime is still creating the session (a command
   * that needed no embedding, like a greeting) crashes in native code (SIGSEGV, exit 134) instead
   * of exiting with its code.
   */
  public void awaitPrepared() {
    Thread t = loader;
    if (t == null) {
      return;
    }
    try {
      t.join(LOAD_WAIT_AT_EXIT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private BertEncoder encoder() {
    BertEncoder e = encoder;
    if (e == null) {
      synchronized (this) {
        if (encoder == null) {
          encoder = BertEncoder.fromClasspath(MODEL, TOKENIZER, threads);
        }
        e = encoder;
      }
    }
    return e;
  }
}
