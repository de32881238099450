package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdatesResponseTest {
  private static String message(int id, String text) {
    return "{\"update_id\":"
        + id
        + ",\"message\":{\"message_id\":"
        + id
        + ",\"date\":1,\"chat\":{\"id\":1,\"type\":\"private\"},"
        + "\"text\":\""
        + text
        + "\"}}";
  }

  @Test
  void a_field_of_the_wrong_type_skips_only_its_update() {
    String body =
        "{\"ok\":true,\"result\":["
            + message(1, "a")
            + ","
            + "{\"update_id\":2,\"message\":{\"message_id\":{\"oops\":1},\"date\":1}},"
            + message(3, "c")
            + "]}";

    var batch = (UpdatesResponse.Batch) UpdatesResponse.parse(200, body);

    assertThat(batch.updates()).extracting(UpdatesResponse.Read::updateId).containsExactly(1L, 3L);
    assertThat(batch.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.updateId()).isEqualTo(2);
              assertThat(s.reason()).isNotBlank();
            });
    assertThat(batch.lastId()).isEqualTo(3);
  }

  @Test
  void broken_json_in_one_update_skips_it_with_its_id_and_reads_the_others() {
    String body =
        "{\"ok\":true,\"result\":["
            + message(4, "a {[ \\\" ]} b")
            + ",{\"update_id\":5,\"message\":{\"text\": nope}},"
            + message(6, "c")
            + "]}";

    var batch = (UpdatesResponse.Batch) UpdatesResponse.parse(200, body);

    assertThat(batch.updates())
        .extracting(u -> u.update().getMessage().getText())
        .containsExactly("a {[ \" ]} b", "c");
    assertThat(batch.skipped()).extracting(UpdatesResponse.Skipped::updateId).containsExactly(5L);
    assertThat(batch.lastId()).isEqualTo(6);
  }

  @Test
  void a_flood_wait_carries_its_retry_after() {
    var failed =
        (UpdatesResponse.Failed)
            UpdatesResponse.parse(
                429,
                "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}");
    assertThat(failed.errorCode()).isEqualTo(429);
    assertThat(failed.retryAfterSeconds()).isEqualTo(Optional.of(7));
  }

  @Test
  void a_proxy_error_page_is_a_failure_without_retry_after() {
    var failed = (UpdatesResponse.Failed) UpdatesResponse.parse(502, "<html>Bad Gateway</html>");
    assertThat(failed.errorCode()).isEqualTo(502);
    assertThat(failed.retryAfterSeconds()).isEmpty();
  }
}
