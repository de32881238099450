package io.github.wenda.retrieval.api;

import java.util.List;

/**
 * The loaded documents in path order, the files that were skipped (and why), and the warnings about
 * files that were skipped or re-decoded.
 */
public record Corpus(List<Document> documents, List<String> warnings, List<SkippedFile> skipped) {
  public Corpus {
    documents = List.copyOf(documents);
    warnings = List.copyOf(warnings);
    skipped = List.copyOf(skipped);
  }

  public Corpus(List<Document> documents, List<String> warnings) {
    this(documents, warnings, List.of());
  }
}
