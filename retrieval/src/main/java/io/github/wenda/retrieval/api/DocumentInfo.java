package io.github.wenda.retrieval.api;

import java.util.Objects;

/** What the catalog says about a document; empty strings where it says nothing. */
public record DocumentInfo(String title, String author, String source) {
  public DocumentInfo {
    Objects.requireNonNull(title, "title");
    author = author == null ? "" : author;
    source = source == null ? "" : source;
  }
}
