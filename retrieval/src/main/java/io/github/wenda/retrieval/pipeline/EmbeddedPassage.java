package io.github.wenda.retrieval.pipeline;

import io.github.wenda.retrieval.api.Passage;
import java.util.Objects;

/** A passage ready to store: its vector, and the hash of the document file it was made from. */
public record EmbeddedPassage(Passage passage, float[] vector, String documentHash) {
  public EmbeddedPassage {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(vector, "vector");
    Objects.requireNonNull(documentHash, "documentHash");
  }
}
