package io.github.wenda.retrieval.lucene;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A second process for {@link IndexLockTest}: takes the lock of the index named by its argument,
 * prints {@code locked}, and holds it until its standard input closes.
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  @SuppressWarnings("try") // a lock or watch held for the scope, never named in it
  public static void main(String[] args) throws Exception {
    try (IndexLock lock = IndexLock.acquire(Path.of(args[0]), Duration.ZERO)) {
      System.out.println("locked");
      System.out.flush();
      while (System.in.read() != -1) {
        // hold until the parent closes our input (or dies)
      }
    }
  }
}
