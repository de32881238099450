package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.github.wenda.bot.logging.LogSetup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class TelegramTokenScrubberTest {
  private static final String TOKEN = FakeBotApi.TOKEN;

  @TempDir Path dir;

  @Test
  void urls_and_token_shapes_are_scrubbed() {
    TokenScrubber scrubber = new TokenScrubber(TOKEN);
    String s =
        scrubber.scrub(
            "POST https://api.telegram.org/bot" + TOKEN + "/sendMessage failed; token " + TOKEN);
    assertThat(s).doesNotContain(TOKEN).doesNotContain("AAFake").contains("/bot***/sendMessage");
    assertThat(
            scrubber.describe(
                new IOException("at /bot" + TOKEN + "/getMe", new RuntimeException(TOKEN))))
        .doesNotContain("AAFake");
  }

  @Test
  void each_bot_scrubs_its_own_token_of_any_shape() {
    // Tokens that do not look like tokens: only the scrubber that knows one removes it.
    TokenScrubber first = new TokenScrubber("first-secret");
    TokenScrubber second = new TokenScrubber("second-secret");
    String line = "failed with first-secret and second-secret";

    assertThat(first.scrub(line)).isEqualTo("failed with *** and second-secret");
    assertThat(second.scrub(line)).isEqualTo("failed with first-secret and ***");
    assertThat(TokenScrubber.shapesOnly().scrub("at /botfirst-secret/getMe " + TOKEN))
        .isEqualTo("at /bot***/getMe ***");
    assertThat(first.toString()).doesNotContain("first-secret");
  }

  @Test
  void the_shipped_log_patterns_scrub_tokens_in_messages_and_stack_traces() throws Exception {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      LogSetup.apply(context, Optional.of(dir), false);
      LoggerFactory.getLogger("test")
          .error("calling /bot{}/getUpdates", TOKEN, new IOException("url /bot" + TOKEN + "/x"));
    } finally {
      System.setErr(saved);
      LogSetup.apply(context, Optional.empty(), false);
    }
    String out = err.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("calling /bot***/getUpdates")
        .contains("IOException")
        .doesNotContain("AAFake");
  }
}
