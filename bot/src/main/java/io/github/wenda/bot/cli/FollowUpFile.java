package io.github.wenda.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wenda.bot.evaluation.FollowUpQuality;
import io.github.wenda.retrieval.api.WendaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads follow-up pairs: JSONL {@code {"id","first","followup","answers":[…]}}; a broken line names
 * file and line.
 */
final class FollowUpFile {
  private FollowUpFile() {}

  static List<FollowUpQuality.Pair> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WendaException("cannot read follow-up file " + file + ": " + e.getMessage(), e);
    }
    ObjectMapper json = new ObjectMapper();
    List<FollowUpQuality.Pair> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        JsonNode n = json.readTree(lines.get(i));
        List<String> answers = new ArrayList<>();
        n.path("answers").forEach(a -> answers.add(a.asText()));
        if (!n.path("first").isTextual() || !n.path("followup").isTextual() || answers.isEmpty()) {
          throw new IOException("needs \"first\", \"followup\" and non-empty \"answers\"");
        }
        out.add(
            new FollowUpQuality.Pair(
                n.path("id").asText(Integer.toString(i + 1)),
                n.get("first").asText(),
                n.get("followup").asText(),
                answers));
      } catch (IOException e) {
        throw new WendaException(file + ":" + (i + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }
}
