package io.github.wenda.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ConversationStoreTest {
  private static Turn turn(String q) {
    return new Turn(q, q, "answer to " + q);
  }

  @Test
  void a_key_keeps_its_own_conversation() {
    ConversationStore<Long> store = new ConversationStore<>(5, 10);
    store.of(1L).record(turn("上合组织什么时候成立？"));
    store.of(2L).record(turn("东盟呢？"));

    assertThat(store.of(1L)).isSameAs(store.of(1L));
    assertThat(store.of(1L).history()).extracting(Turn::question).containsExactly("上合组织什么时候成立？");
    assertThat(store.of(2L).history()).extracting(Turn::question).containsExactly("东盟呢？");
  }

  @Test
  void the_least_recently_active_conversation_is_forgotten_first() {
    ConversationStore<Long> store = new ConversationStore<>(5, 2);
    store.of(1L).record(turn("one"));
    store.of(2L).record(turn("two"));
    store.of(1L); // chat 1 is active again: chat 2 is now the least recent
    store.of(3L).record(turn("three"));

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.of(1L).history()).extracting(Turn::question).containsExactly("one");
    assertThat(store.of(2L).history()).isEmpty(); // forgotten, started afresh
  }

  @Test
  void reset_forgets_one_conversation_only() {
    ConversationStore<String> store = new ConversationStore<>(5, 10);
    store.of("a").record(turn("q1"));
    store.of("b").record(turn("q2"));

    store.reset("a");
    store.reset("never-seen");

    assertThat(store.of("a").history()).isEmpty();
    assertThat(store.of("b").history()).hasSize(1);
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void each_conversation_keeps_at_most_max_turns() {
    ConversationStore<String> store = new ConversationStore<>(2, 1);
    for (String q : List.of("q1", "q2", "q3")) {
      store.of("console").record(turn(q));
    }
    assertThat(store.of("console").history())
        .extracting(Turn::question)
        .containsExactly("q2", "q3");
  }

  @Test
  void many_threads_get_one_conversation_per_key() throws Exception {
    ConversationStore<Integer> store = new ConversationStore<>(1, 1000);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<Conversation> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 8; t++) {
      Thread th =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                for (int k = 0; k < 100; k++) {
                  seen.add(store.of(k % 10));
                }
              });
      th.start();
      threads.add(th);
    }
    go.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertThat(seen.stream().distinct().count()).isEqualTo(10);
    assertThat(store.size()).isEqualTo(10);
  }

  @Test
  void bad_bounds_name_the_value() {
    assertThatThrownBy(() -> new ConversationStore<String>(-1, 1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> new ConversationStore<String>(1, 0)).hasMessageContaining("0");
  }
}
