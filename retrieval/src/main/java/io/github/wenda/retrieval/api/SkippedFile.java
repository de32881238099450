package io.github.wenda.retrieval.api;

import java.util.Objects;

/**
 * A corpus file that was not indexed: its path relative to the corpus folder, its format label
 * ("pdf", or the extension for unsupported types, e.g. ".epub") and why, in a few words.
 */
public record SkippedFile(String file, String format, String reason) {
  public SkippedFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(reason, "reason");
  }

  /** "file: reason", as printed in warnings. */
  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
