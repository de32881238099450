package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackDataTest {
  private static final String ID = "2f9xk3q1b7.1z";

  @Test
  void every_button_decodes_to_what_was_encoded() {
    List<CallbackData> buttons =
        List.of(
            new CallbackData.ShowPassage(ID, 1),
            new CallbackData.ShowPassage(ID, 999),
            new CallbackData.MoreResults(ID),
            new CallbackData.Vote(ID, true),
            new CallbackData.Vote(ID, false));

    for (CallbackData b : buttons) {
      assertThat(CallbackData.decode(b.encode())).as(b.encode()).contains(b);
    }
  }

  @Test
  void the_wire_form_is_short_and_stable() {
    assertThat(new CallbackData.ShowPassage(ID, 3).encode()).isEqualTo("p:" + ID + ":3");
    assertThat(new CallbackData.MoreResults(ID).encode()).isEqualTo("m:" + ID);
    assertThat(new CallbackData.Vote(ID, true).encode()).isEqualTo("f:" + ID + ":u");
    assertThat(new CallbackData.Vote(ID, false).encode()).isEqualTo("f:" + ID + ":d");
  }

  @Test
  void the_longest_button_fits_telegrams_64_bytes() {
    String longestId = "a".repeat(48);
    String data = new CallbackData.ShowPassage(longestId, CallbackData.MAX_PASSAGE).encode();

    assertThat(data.getBytes(StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(CallbackData.MAX_BYTES);
    assertThat(CallbackData.decode(data)).contains(new CallbackData.ShowPassage(longestId, 999));
  }

  @Test
  void ids_made_by_recent_answers_round_trip() {
    RecentAnswers.Entry e = new RecentAnswers(3).add(1, "问", new Texts(true), List.of());

    assertThat(CallbackData.decode(new CallbackData.Vote(e.id(), true).encode()))
        .hasValueSatisfying(d -> assertThat(d.answerId()).isEqualTo(e.id()));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(
      strings = {
        "",
        "p",
        "p:",
        "p:" + ID,
        "p:" + ID + ":",
        "p:" + ID + ":0",
        "p:" + ID + ":01",
        "p:" + ID + ":1000",
        "p:" + ID + ":-1",
        "p:" + ID + ":x",
        "p:" + ID + ":1:2",
        "p::1",
        "P:" + ID + ":1",
        "p:ABC:1",
        "p:a b:1",
        "p:.a:1",
        "m:" + ID + ":1",
        "m:",
        "f:" + ID,
        "f:" + ID + ":x",
        "f:" + ID + ":up",
        "x:" + ID,
        "p:" + ID + ":1\n",
        " m:" + ID,
        "m:问",
        "m:" + ID + ":",
        "p|" + ID + "|1"
      })
  void malformed_data_is_rejected(String data) {
    assertThat(CallbackData.decode(data)).isEmpty();
  }

  @Test
  void oversized_data_is_rejected_before_parsing() {
    assertThat(CallbackData.decode("m:" + "a".repeat(63))).isEmpty();
    assertThat(CallbackData.decode("m:" + "a".repeat(200_000))).isEmpty();
  }

  @Test
  void buttons_that_could_not_be_sent_cannot_be_made() {
    assertThatThrownBy(() -> new CallbackData.ShowPassage(ID, 0)).hasMessageContaining("0");
    assertThatThrownBy(() -> new CallbackData.ShowPassage(ID, 1000)).hasMessageContaining("1000");
    assertThatThrownBy(() -> new CallbackData.MoreResults("a".repeat(49)))
        .hasMessageContaining("answer id");
    assertThatThrownBy(() -> new CallbackData.Vote("has:colon", true))
        .hasMessageContaining("has:colon");
    assertThatThrownBy(() -> new CallbackData.Vote(null, true)).hasMessageContaining("null");
  }
}
