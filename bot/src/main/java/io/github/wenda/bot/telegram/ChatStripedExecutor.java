package io.github.wenda.bot.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a fixed pool of workers with one lane per key (chat): a lane's tasks run one at a
 * time in submission order, different lanes run in parallel, so a slow answer in one chat holds one
 * worker and delays no other chat. Bounded: at most {@code maxPending} tasks wait in all, {@code
 * maxPerLane} in one lane; beyond that {@link #submit} says no and the caller tells the user. A
 * task's exception is logged and never stops its lane.
 */
final class ChatStripedExecutor {
  private static final Logger log = LoggerFactory.getLogger(ChatStripedExecutor.class);

  private final ExecutorService pool;
  private final int maxPending;
  private final int maxPerLane;
  private final TokenScrubber scrubber;
  private final Map<Object, Queue<Runnable>> lanes = new HashMap<>();
  private int pending;
  private boolean closed;

  ChatStripedExecutor(int workers, int maxPending, int maxPerLane, TokenScrubber scrubber) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            workers,
            workers,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "wenda-telegram-" + n.incrementAndGet());
              t.setDaemon(
                  false); // answers in flight finish on shutdown; close() ends these threads
              return t;
            });
    this.maxPending = maxPending;
    this.maxPerLane = maxPerLane;
    this.scrubber = scrubber;
  }

  /**
   * Queues {@code task} on lane {@code key}; false when closed or full (nothing is queued then).
   */
  synchronized boolean submit(Object key, Runnable task) {
    if (closed || pending >= maxPending) {
      return false;
    }
    Queue<Runnable> lane = lanes.get(key);
    if (lane != null && lane.size() >= maxPerLane) {
      return false;
    }
    pending++;
    if (lane == null) {
      // No lane: nothing of this chat runs now, start at once.
      lane = new ArrayDeque<>();
      lanes.put(key, lane);
      lane.add(task);
      pool.execute(() -> drain(key));
    } else {
      lane.add(task);
    }
    return true;
  }

  /**
   * Runs the lane's head, then hands the lane back to the pool (so busy lanes take turns with
   * others).
   */
  private void drain(Object key) {
    Runnable task;
    synchronized (this) {
      task = lanes.get(key).peek();
    }
    try {
      task.run();
    } catch (Throwable t) {
      log.error("task for {} failed: {}", key, scrubber.describe(t));
    }
    synchronized (this) {
      pending--;
      Queue<Runnable> lane = lanes.get(key);
      lane.remove();
      if (lane.isEmpty()) {
        lanes.remove(key);
      } else {
        pool.execute(() -> drain(key));
      }
      notifyAll();
    }
  }

  /** True once {@link #close} began: nothing more is taken. */
  synchronized boolean isClosed() {
    return closed;
  }

  /** Tasks queued or running. */
  synchronized int pending() {
    return pending;
  }

  /**
   * Refuses new tasks, waits up to {@code wait} for queued and running ones, then interrupts what
   * is left and ends the workers. True when everything finished in time.
   */
  boolean close(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    boolean finished;
    synchronized (this) {
      closed = true;
      while (pending > 0 && System.nanoTime() < deadline) {
        try {
          TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      finished = pending == 0;
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return finished;
  }
}
