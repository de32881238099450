package io.github.wenda.retrieval.embed;

import io.github.wenda.retrieval.api.Embedder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * BAAI's bge-small-zh-v1.5 (quantized), run in-process on ONNX Runtime from the model bundled in
 * LangChain4j's Maven artifact: nothing is downloaded. The texts of a list are embedded side by
 * side, one per core, each on one thread (see {@link BertEncoder}); a single text (a question) on a
 * session of its own whose runs take two threads; vectors equal LangChain4j's within float
 * tolerance. Each session is loaded on first use (about 0.7 s), or ahead of it by {@link
 * #prepare()} (questions) or {@link #prepareForPassages()}, so commands that only run BM25 never
 * pay for it.
 */
public final class BgeSmallZhEmbedder implements Embedder {
  public static final String MODEL_ID = "bge-small-zh-v1.5-q";
  private static final int DIMENSION = 512;
  private static final String MODEL = "bge-small-zh-v1.5-q.onnx";
  private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

  private static final int QUESTION_THREADS = 2;

  private final int threads;
  private volatile BertEncoder encoder;
  private volatile BertEncoder questionEncoder;

  /** Lists of texts embedded by one worker per core. */
  public BgeSmallZhEmbedder() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /**
   * Lists of texts embedded by {@code threads} workers (1..256), each running ONNX on one thread.
   */
  public BgeSmallZhEmbedder(int threads) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException(
          "embedding threads must be between 1 and 256, but is: " + threads);
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

  /**
   * One text, as a question is embedded: on its own session whose runs use two threads (its own and
   * one of ONNX Runtime's, which sleeps between questions), about twice as fast as one thread. A
   * separate session because lists run one thread per text, and a run's threads are the session's.
   */
  @Override
  public float[] embed(String text) {
    return questionEncoder().embedOne(text);
  }

  /** Longest wait at exit for a model load that is still running: a load takes about a second. */
  private static final long LOAD_WAIT_AT_EXIT_MS = 30_000;

  // Each session loads under its own lock, so the two can load at once.
  private final Object listLock = new Object();
  private final Object questionLock = new Object();
  private final List<Thread> loaders = new ArrayList<>();
  private final Set<String> loading = new HashSet<>();

  /** The process's one instance for the default thread count: one session, loaded once. */
  public static BgeSmallZhEmbedder shared() {
    return Shared.INSTANCE;
  }

  private static final class Shared {
    static final BgeSmallZhEmbedder INSTANCE = new BgeSmallZhEmbedder();
  }

  /**
   * Starts loading the model for questions (see {@link #embed(String)}) on a background thread, so
   * that it overlaps opening the index; the first question then waits only for what is left.
   * Returns at once.
   */
  @Override
  public void prepare() {
    if (questionEncoder == null) {
      load("question", this::questionEncoder);
    }
  }

  /** As {@link #prepare()}, for the session that embeds lists (one thread per text). */
  @Override
  public void prepareForPassages() {
    if (encoder == null) {
      load("passages", this::encoder);
    }
  }

  // One loading thread per session, however often a hint comes.
  private void load(String session, Supplier<BertEncoder> loader) {
    synchronized (loaders) {
      if (!loading.add(session)) {
        return;
      }
    }
    Thread t =
        new Thread(
            () -> {
              try {
                loader.get();
              } catch (RuntimeException e) {
                // The first real use loads again and reports the failure where it matters.
              }
            },
            "wenda-model-load");
    t.setDaemon(true);
    synchronized (loaders) {
      loaders.add(t);
    }
    t.start();
  }

  /**
   * Waits (bounded) for background loads started by {@link #prepare()} or {@link
   * #prepareForPassages()} to finish. Call before the process exits: a JVM that halts while ONNX
   * Runtime is still creating the session (a command that needed no embedding, like a greeting)
   * crashes in native code (SIGSEGV, exit 134) instead of exiting with its code.
   */
  public void awaitPrepared() {
    List<Thread> started;
    synchronized (loaders) {
      started = List.copyOf(loaders);
    }
    long deadline = System.nanoTime() + LOAD_WAIT_AT_EXIT_MS * 1_000_000;
    try {
      for (Thread t : started) {
        t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private BertEncoder encoder() {
    BertEncoder e = encoder;
    if (e == null) {
      synchronized (listLock) {
        if (encoder == null) {
          encoder = BertEncoder.fromClasspath(MODEL, TOKENIZER, threads);
        }
        e = encoder;
      }
    }
    return e;
  }

  // Two threads per run at most: a question is 10-60 tokens, and more threads would wait more
  // than they work. On one core there is nothing to split, and the list session serves.
  private BertEncoder questionEncoder() {
    int runThreads = Math.min(QUESTION_THREADS, Runtime.getRuntime().availableProcessors());
    if (runThreads <= 1) {
      return encoder();
    }
    BertEncoder e = questionEncoder;
    if (e == null) {
      synchronized (questionLock) {
        if (questionEncoder == null) {
          questionEncoder = BertEncoder.fromClasspath(MODEL, TOKENIZER, runThreads, 1);
        }
        e = questionEncoder;
      }
    }
    return e;
  }
}
