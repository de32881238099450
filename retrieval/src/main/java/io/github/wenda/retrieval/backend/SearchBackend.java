package io.github.wenda.retrieval.backend;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Explanation;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SearchSettings;
import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * Where passages are stored and searched: the embedded Lucene index or a SolrCloud collection.
 *
 * <p>Contract (checked for both by {@code SearchBackendContract}): {@link #refresh} brings the
 * store in step with a corpus, re-indexing only documents whose hash changed, and is idempotent;
 * after it returns, searches see every passage of the corpus and none of a removed or replaced
 * document. Retrievers fuse lexical and vector lists with {@link
 * io.github.wenda.retrieval.backend.Fusion}.
 */
public interface SearchBackend extends Closeable {
  /** Brings the store up to date with {@code corpus} and says what it did. */
  IndexReport refresh(Corpus corpus);

  /** A retriever over the current passages with these search settings. */
  Retriever retriever(SearchSettings settings);

  /** The number of passages searchable now. */
  int size();

  /**
   * BM25's inverse document frequency of a smartcn word, as {@code log(1 + (N - df + 0.5) / (df +
   * 0.5))}.
   */
  double idf(String word);

  /** Every searchable passage (for evaluation and listings); order is the backend's. */
  List<Passage> passages();

  /** Where the passages live, for messages: an index folder or a collection and its hosts. */
  String location();

  /**
   * How {@code question} is searched with {@code settings}: its terms and top {@code n} candidates
   * in {@code mode}, or empty where the backend cannot show its own analysis (Solr analyses on the
   * server).
   */
  default Optional<Explanation> explain(
      String question, int n, SearchMode mode, SearchSettings settings) {
    return Optional.empty();
  }
}
