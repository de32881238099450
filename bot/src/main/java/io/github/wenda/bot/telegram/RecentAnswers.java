package io.github.wenda.bot.telegram;

import io.github.wenda.bot.answer.Citation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last answers given, so inline buttons can refer to them by a short id (callback data is at
 * most 64 bytes, far too small for passages): about 15 characters, a per-run random part and a
 * counter. Bounded: old answers are forgotten, and their buttons then say so. Thread-safe.
 */
final class RecentAnswers {
  /** One answer as the buttons need it: who asked what, and the numbered passages shown. */
  record Entry(String id, long chatId, String question, Texts texts, List<Citation> shown) {}

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final int capacity;

  /**
   * 60 random bits per run, so ids differ across restarts: a 👎 on an answer from before a restart
   * finds no entry ("too old") instead of landing on a new, different answer with the same number.
   */
  private final String run = Long.toString(RANDOM.nextLong() >>> 4, 36);

  private long next = 1;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  RecentAnswers(int capacity) {
    this.capacity = capacity;
  }

  synchronized Entry add(long chatId, String question, Texts texts, List<Citation> shown) {
    String id = run + "." + Long.toString(next++, 36);
    Entry e = new Entry(id, chatId, question, texts, List.copyOf(shown));
    entries.put(id, e);
    if (entries.size() > capacity) {
      entries.remove(entries.keySet().iterator().next());
    }
    return e;
  }

  /** The entry; empty when forgotten (or from before a restart). */
  synchronized java.util.Optional<Entry> get(String id) {
    return java.util.Optional.ofNullable(entries.get(id));
  }
}
