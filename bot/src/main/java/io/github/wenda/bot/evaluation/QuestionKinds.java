package io.github.wenda.bot.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The optional {@code "kind"} of each line of a question file ({@code list}, {@code near-topic},
 * {@code off-topic} …), by id: answer evaluation counts declines and lists by it. Lines that do not
 * parse are skipped here; the question file reader reports them.
 */
public final class QuestionKinds {
  private QuestionKinds() {}

  public static Map<String, String> read(Path file) {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> kinds = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode n = json.readTree(line);
          if (n.hasNonNull("id") && n.hasNonNull("kind")) {
            kinds.put(n.get("id").asText(), n.get("kind").asText());
          }
        } catch (IOException e) {
          // Reported with its line number by QuestionFile.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read question kinds from " + file + ": " + e.getMessage(), e);
    }
    return kinds;
  }
}
