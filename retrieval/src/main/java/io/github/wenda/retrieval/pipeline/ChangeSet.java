package io.github.wenda.retrieval.pipeline;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a store must redo to match a corpus: documents new or changed since the store's state
 * (compared by the SHA-256 of their bytes, so a touched but identical file costs nothing) and ids
 * the store holds that the corpus no longer has. {@code rebuild} means everything is redone.
 */
public record ChangeSet(List<Document> changed, List<String> removed, boolean rebuild) {
  public ChangeSet {
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
  }

  /**
   * Compares {@code corpus} with the hashes a store holds.
   *
   * @param stored document id → SHA-256 as the store last committed it ("" forces a redo)
   * @param rebuild the store was built differently (pipeline, model, settings): redo every document
   */
  public static ChangeSet between(Corpus corpus, Map<String, String> stored, boolean rebuild) {
    Objects.requireNonNull(corpus, "corpus");
    Objects.requireNonNull(stored, "stored");
    List<Document> changed = new ArrayList<>();
    for (Document d : corpus.documents()) {
      if (rebuild || !d.sha256().equals(stored.get(d.id()))) {
        changed.add(d);
      }
    }
    Set<String> current = corpus.documents().stream().map(Document::id).collect(Collectors.toSet());
    List<String> removed =
        stored.keySet().stream().filter(id -> !current.contains(id)).sorted().toList();
    return new ChangeSet(changed, removed, rebuild);
  }

  public boolean isEmpty() {
    return changed.isEmpty() && removed.isEmpty();
  }

  /** Ids of the changed documents, then the removed ones: what a report lists as touched. */
  public List<String> touched() {
    List<String> out = new ArrayList<>(changed.stream().map(Document::id).toList());
    out.addAll(removed);
    return out;
  }
}
