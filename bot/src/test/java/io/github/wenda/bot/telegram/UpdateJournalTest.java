package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateJournalTest {
  @TempDir Path dir;

  private static UpdateJournal.Entry entry(long id) throws Exception {
    JsonNode json =
        UpdatesResponse.JSON.readTree(
            "{\"update_id\":"
                + id
                + ",\"message\":{\"message_id\":"
                + id
                + ",\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"q"
                + id
                + "\"}}");
    return new UpdateJournal.Entry(id, json);
  }

  @Test
  void updates_received_and_not_done_are_pending_after_reopening() throws Exception {
    Path file = dir.resolve("t/updates.jsonl");
    UpdateJournal j = UpdateJournal.open(file);
    assertThat(j.received(List.of(entry(5), entry(6), entry(7)), List.of())).hasSize(3);
    j.done(6);
    // no close: as after a kill

    UpdateJournal again = UpdateJournal.open(file);
    assertThat(again.pending()).extracting(UpdateJournal.Entry::updateId).containsExactly(5L, 7L);
    assertThat(again.lastUpdateId()).isEqualTo(7);
    assertThat(
            UpdatesResponse.update(again.pending().get(0).json())
                .orElseThrow()
                .getMessage()
                .getText())
        .isEqualTo("q5");
  }

  @Test
  void a_redelivered_batch_is_not_answered_twice_even_after_a_restart() throws Exception {
    Path file = dir.resolve("updates.jsonl");
    UpdateJournal j = UpdateJournal.open(file);
    j.received(List.of(entry(1), entry(2)), List.of());
    j.done(1);
    j.done(2);
    j.close();

    UpdateJournal again = UpdateJournal.open(file); // compacted: only the last id is left
    assertThat(again.pending()).isEmpty();
    assertThat(again.received(List.of(entry(1), entry(2), entry(3)), List.of()))
        .extracting(UpdateJournal.Entry::updateId)
        .containsExactly(3L);
    assertThat(Files.readAllLines(file)).hasSize(2);
  }

  @Test
  void skipped_ids_move_the_offset_and_a_torn_last_line_is_ignored() throws Exception {
    Path file = dir.resolve("updates.jsonl");
    UpdateJournal j = UpdateJournal.open(file);
    j.received(List.of(entry(3)), List.of(9L));
    assertThat(j.lastUpdateId()).isEqualTo(9);
    Files.writeString(file, "{\"r\":10,\"u\":{\"upd", StandardOpenOption.APPEND);

    UpdateJournal again = UpdateJournal.open(file);
    assertThat(again.lastUpdateId()).isEqualTo(9);
    assertThat(again.pending()).extracting(UpdateJournal.Entry::updateId).containsExactly(3L);
    assertThat(Optional.of(again.pending().get(0))).isPresent();
  }

  @Test
  void a_busy_journal_is_compacted_while_updates_are_still_pending() throws Exception {
    Path file = dir.resolve("updates.jsonl");
    UpdateJournal j = UpdateJournal.open(file, 4096);
    j.received(List.of(entry(1)), List.of()); // stays pending throughout
    for (long id = 2; id < 500; id++) {
      j.received(List.of(entry(id)), List.of());
      j.done(id);
    }
    assertThat(Files.size(file)).isLessThan(2L * 4096); // 500 updates written would be about 60 KB
    assertThat(UpdateJournal.open(file).pending())
        .extracting(UpdateJournal.Entry::updateId)
        .containsExactly(1L);
  }
}
