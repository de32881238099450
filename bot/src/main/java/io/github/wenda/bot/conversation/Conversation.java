package io.github.wenda.bot.conversation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One chat's memory: its last {@code maxTurns} exchanges, oldest first. Bounded so a long chat
 * costs the same as a short one. Not thread-safe: each chat's questions are answered in order.
 */
public final class Conversation {
  private final int maxTurns;
  private final Deque<Turn> turns = new ArrayDeque<>();

  public Conversation(int maxTurns) {
    if (maxTurns < 0) {
      throw new IllegalArgumentException(
          "conversation.max-turns must be >= 0, but is: " + maxTurns);
    }
    this.maxTurns = maxTurns;
  }

  public List<Turn> history() {
    return new ArrayList<>(turns);
  }

  public void record(Turn turn) {
    if (maxTurns == 0) {
      return;
    }
    turns.addLast(turn);
    while (turns.size() > maxTurns) {
      turns.removeFirst();
    }
  }

  public void reset() {
    turns.clear();
  }
}
