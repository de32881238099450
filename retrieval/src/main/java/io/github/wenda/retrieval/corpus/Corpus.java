package io.github.wenda.retrieval.corpus;

import java.util.List;

/** The loaded documents in path order, and the warnings about files that were skipped or re-decoded. */
public record Corpus(List<Document> documents, List<String> warnings) {
  public Corpus {
    documents = List.copyOf(documents);
    warnings = List.copyOf(warnings);
  }
}
