package io.github.wenda.retrieval.index;

import io.github.wenda.retrieval.SearchBackend;
import io.github.wenda.retrieval.chunk.Passage;
import io.github.wenda.retrieval.corpus.Corpus;
import io.github.wenda.retrieval.search.Retriever;
import io.github.wenda.retrieval.search.Retrievers;
import io.github.wenda.retrieval.search.SearchSettings;
import java.io.IOException;
import java.util.List;

/** The embedded backend: an {@link IndexManager}-kept index on local disk, searched in process. */
public final class LuceneBackend implements SearchBackend {
  private final IndexSettings settings;
  private final IndexManager manager;
  private final Embedder queryEmbedder;
  private PassageIndex index;

  public LuceneBackend(IndexSettings settings, Embedder passageEmbedder, Embedder queryEmbedder, ProgressListener progress) {
    this.settings = settings;
    this.manager = new IndexManager(settings, passageEmbedder, progress);
    this.queryEmbedder = queryEmbedder;
  }

  @Override
  public synchronized IndexReport refresh(Corpus corpus) {
    IndexReport report = manager.refresh(corpus);
    PassageIndex previous = index;
    index = PassageIndex.open(settings.dir());
    closeQuietly(previous);
    return report;
  }

  /** The open index, for tools that need Lucene itself (explain). */
  public synchronized PassageIndex index() {
    if (index == null) {
      throw new IllegalStateException("the index at " + settings.dir() + " is not open yet: call refresh first");
    }
    return index;
  }

  @Override
  public Retriever retriever(SearchSettings search) {
    return Retrievers.lucene(index(), queryEmbedder, search);
  }

  @Override
  public int size() {
    return index().size();
  }

  @Override
  public double idf(String word) {
    return index().idf(word);
  }

  @Override
  public List<Passage> passages() {
    return index().passages();
  }

  @Override
  public String location() {
    return settings.dir().toString();
  }

  @Override
  public synchronized void close() throws IOException {
    if (index != null) {
      index.close();
      index = null;
    }
  }

  private static void closeQuietly(PassageIndex i) {
    if (i != null) {
      try {
        i.close();
      } catch (IOException e) {
        // The new index is already open; an old reader that fails to close only leaks a handle.
      }
    }
  }
}
