package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.WendaException;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short piece of a search (BM25) on a spare core while the calling thread does the long
 * piece (embedding the question, one ONNX thread): the two overlap instead of adding up.
 *
 * <p>One daemon thread per core beyond the first, and no queue: when every spare thread is busy
 * (several searches at once, when the cores are taken anyway), the task runs at once on the calling
 * thread, so a search never waits behind another one's work and a 1-core machine runs sequentially.
 * A dedicated pool, not the common pool, so that other work cannot delay a search.
 */
final class SpareCore {
  private static final ThreadPoolExecutor POOL =
      pool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));

  private SpareCore() {}

  private static ThreadPoolExecutor pool(int threads) {
    ThreadPoolExecutor p =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "wenda-search-side");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    // Idle threads end after a minute: a bot that is not asked costs no thread.
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  /** Starts {@code task} beside the caller, or runs it now when no spare thread is free. */
  static <T> Future<T> start(Callable<T> task) {
    return POOL.submit(task);
  }

  /** Waits for the task to end, whatever its outcome, when its result is no longer wanted. */
  static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // Its failure does not matter: the search already failed for another reason.
    }
  }

  /** The task's result; its IOException as thrown, and any other failure unchanged. */
  static <T> T join(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      f.cancel(false);
      Thread.currentThread().interrupt();
      throw new WendaException("interrupted while searching", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new WendaException("search failed: " + c, c);
    }
  }
}
