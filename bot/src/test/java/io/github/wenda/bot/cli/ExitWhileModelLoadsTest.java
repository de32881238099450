package io.github.wenda.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A command that needs no embedding (a greeting, a usage error) can finish while the model, loaded
 * in the background, is still being created by ONNX Runtime. The process must still exit with the
 * command's code: a JVM that halts in the middle of that native call crashed with SIGSEGV (exit
 * 134, about one run in five of `./wenda ask 你好`). Exits are tried across the load's whole
 * duration.
 */
class ExitWhileModelLoadsTest {
  @Test
  void exiting_at_any_moment_of_the_model_load_exits_with_the_commands_code() throws Exception {
    for (int delayMs = 300; delayMs <= 1400; delayMs += 100) {
      List<String> cmd =
          List.of(
              ProcessHandle.current().info().command().orElse("java"),
              "-cp",
              System.getProperty("java.class.path"),
              ExitDuringModelLoad.class.getName(),
              Integer.toString(delayMs));
      Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("exit %d ms into the load; stderr: %s", delayMs, err).isZero();
    }
  }
}
