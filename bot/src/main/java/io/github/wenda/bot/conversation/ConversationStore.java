package io.github.wenda.bot.conversation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conversations of a front end, one per key (a Telegram chat id, the console's one session),
 * each remembering its last {@code maxTurns} exchanges. Bounded: beyond {@code maxConversations}
 * the least recently active conversation is forgotten first, so a bot seen by many chats keeps a
 * fixed amount of memory. Thread-safe for lookups; each conversation is then used by one thread at
 * a time (a chat's questions are answered in order).
 *
 * @param <K> what tells conversations apart
 */
public final class ConversationStore<K> {
  private final int maxTurns;
  private final int maxConversations;
  private final Map<K, Conversation> conversations;

  public ConversationStore(int maxTurns, int maxConversations) {
    if (maxTurns < 0) {
      throw new IllegalArgumentException(
          "conversation.max-turns must be >= 0, but is: " + maxTurns);
    }
    if (maxConversations < 1) {
      throw new IllegalArgumentException(
          "conversations to remember must be >= 1, but is: " + maxConversations);
    }
    this.maxTurns = maxTurns;
    this.maxConversations = maxConversations;
    this.conversations = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The key's conversation, started empty on first use; counts as activity for the bound. */
  public synchronized Conversation of(K key) {
    Conversation c = conversations.get(key);
    if (c == null) {
      c = new Conversation(maxTurns);
      conversations.put(key, c);
      if (conversations.size() > maxConversations) {
        conversations.remove(
            conversations.keySet().iterator().next()); // access order: the least recent
      }
    }
    return c;
  }

  /** Forgets what the key's conversation said so far ({@code /reset}, {@code :reset}). */
  public synchronized void reset(K key) {
    Conversation c = conversations.get(key);
    if (c != null) {
      c.reset();
    }
  }

  /** Conversations held now (at most {@code maxConversations}). */
  public synchronized int size() {
    return conversations.size();
  }
}
