package io.github.wenda.retrieval.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One corpus file as loaded: its id (path relative to the corpus folder, without extension unless
 * two files differ only in extension, e.g. manual.html and manual.pdf), the catalog's metadata, its
 * format, the decoded raw text for text formats (text and Markdown; "" for PDF, HTML and Word,
 * which their readers parse from the file) and the SHA-256 of its bytes (what incremental indexing
 * compares).
 */
public record Document(
    String id, Path path, DocumentInfo info, String rawText, String sha256, DocumentFormat format) {
  public Document {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(rawText, "rawText");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(format, "format");
    if (id.isBlank()) {
      throw new IllegalArgumentException("document id must not be blank, but is for: " + path);
    }
  }

  /** A document whose format follows from its file name (text when the name says nothing). */
  public Document(String id, Path path, DocumentInfo info, String rawText, String sha256) {
    this(id, path, info, rawText, sha256, DocumentFormat.of(path).orElse(DocumentFormat.TEXT));
  }

  /** The file's path relative to the corpus folder ('/'-separated), as named in warnings. */
  public String file() {
    String name = path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && !id.endsWith(name.substring(dot)) ? id + name.substring(dot) : id;
  }

  public String title() {
    return info.title();
  }
}
