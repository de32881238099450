package io.github.wenda.retrieval.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wenda.retrieval.api.WendaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads question files: JSONL, one {@code {"id","question"}} object per line, optional {@code
 * "answers"} (list of strings; empty = unanswerable), other fields ignored. Blank lines are
 * skipped; a broken line fails naming the file and line, before any work is done.
 */
public final class QuestionFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private QuestionFile() {}

  public static List<Question> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new WendaException("question file not found: " + file);
    } catch (IOException e) {
      throw new WendaException("cannot read question file " + file + ": " + e.getMessage(), e);
    }
    List<Question> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      out.add(parse(file, i + 1, line));
    }
    return out;
  }

  static Question parse(Path file, int lineNo, String line) {
    String where = file + ":" + lineNo;
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new WendaException(where + ": not a JSON object: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new WendaException(
          where + ": each line must be a JSON object with \"id\" and \"question\"");
    }
    JsonNode q = node.get("question");
    if (q == null || !q.isTextual()) {
      throw new WendaException(where + ": \"question\" must be a string");
    }
    JsonNode id = node.get("id");
    String idText = id == null || id.isNull() ? Integer.toString(lineNo) : id.asText();
    JsonNode a = node.get("answers");
    List<String> answers = null;
    if (a != null && !a.isNull()) {
      if (!a.isArray()) {
        throw new WendaException(where + ": \"answers\" must be a list of strings");
      }
      answers = new ArrayList<>();
      for (JsonNode x : a) {
        if (!x.isTextual() || x.asText().isBlank()) {
          throw new WendaException(
              where + ": \"answers\" must hold non-empty strings, but has: " + x);
        }
        answers.add(x.asText());
      }
    }
    return new Question(idText, q.asText(), answers);
  }
}
