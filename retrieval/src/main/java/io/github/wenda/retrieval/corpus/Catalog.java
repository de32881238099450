package io.github.wenda.retrieval.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.wenda.retrieval.api.DocumentInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Titles, authors and sources from {@code catalog.yaml} in the corpus folder, keyed by file path
 * relative to that folder. A corpus without a catalog is fine: titles then come from the text.
 */
public final class Catalog {
  public static final String FILE_NAME = "catalog.yaml";

  private final Map<String, DocumentInfo> entries;

  private Catalog(Map<String, DocumentInfo> entries) {
    this.entries = Map.copyOf(entries);
  }

  public static Catalog empty() {
    return new Catalog(Map.of());
  }

  /**
   * Reads {@code dir/catalog.yaml}; an absent file gives an empty catalog, a broken one fails
   * naming it.
   */
  public static Catalog load(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new CorpusException(file, "is not valid YAML: " + firstLine(e.getMessage()), e);
    }
    Map<String, DocumentInfo> entries = new HashMap<>();
    JsonNode documents = root == null ? null : root.get("documents");
    if (documents == null || documents.isNull()) {
      return new Catalog(entries);
    }
    if (!documents.isObject()) {
      throw new CorpusException(
          file, -1, "'documents' must map file names to {title, author, source}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = documents.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      entries.put(
          e.getKey().replace('\\', '/'),
          new DocumentInfo(text(v, "title"), text(v, "author"), text(v, "source")));
    }
    return new Catalog(entries);
  }

  /** The entry for a file path relative to the corpus folder ('/'-separated). */
  public Optional<DocumentInfo> find(String relativePath) {
    return Optional.ofNullable(entries.get(relativePath));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? "" : v.asText().strip();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
