package io.github.wenda.retrieval.corpus;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One corpus file as loaded: its id (path relative to the corpus folder, without extension), the
 * catalog's metadata, the decoded raw text and the SHA-256 of its bytes (what incremental indexing
 * compares).
 */
public record Document(String id, Path path, DocumentInfo info, String rawText, String sha256) {
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(rawText, "rawText");
    Objects.requireNonNull(sha256, "sha256");
    if (id.isBlank()) {
      throw new IllegalArgumentException("document id must not be blank, but is for: " + path);
    }
  }

  public String title() {
    return info.title();
  }
}
