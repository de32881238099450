package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Explanation;
import io.github.wenda.retrieval.api.Explanation.Candidate;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.backend.Fusion;
import io.github.wenda.retrieval.text.QueryNormalizer;
import io.github.wenda.retrieval.text.QueryTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Shows how a question was searched: its normalised text, the terms each field was queried with,
 * the BM25 share fusion used for it (per question with adaptive fusion), and for each candidate its
 * ranks and scores in both lists, the fused score, and which query terms its text matched. Searches
 * exactly as {@link Retrievers#lucene} does with the same settings.
 */
final class SearchExplainer {

  private final LuceneRetriever retriever;
  private final SearchSettings settings;
  private final QueryNormalizer normalizer = new QueryNormalizer();
  private final QueryTerms terms = new QueryTerms(IndexSchema.analyzer());
  private final Analyzer analyzer = IndexSchema.analyzer();

  SearchExplainer(PassageIndex index, Embedder embedder, SearchSettings settings) {
    this.retriever = new LuceneRetriever(index, embedder, settings);
    this.settings = settings;
  }

  /** Explains the top {@code n} candidates of {@code question} in {@code mode}. */
  Explanation explain(String question, int n, SearchMode mode) {
    String normalized = normalizer.normalize(question);
    List<String> words = List.copyOf(retriever.wordTerms(normalized));
    List<String> bigrams =
        settings.bigrams() && settings.bigramWeight() > 0
            ? List.copyOf(terms.terms(IndexSchema.BIGRAMS, normalized))
            : List.of();
    List<Candidate> out = new ArrayList<>();
    for (Hit h : retriever.search(new Query(question, n, mode))) {
      String text = h.passage().section() + "\n" + h.passage().text();
      out.add(
          new Candidate(
              h,
              matched(IndexSchema.WORDS, text, words),
              matched(IndexSchema.BIGRAMS, text, bigrams)));
    }
    double coverage = retriever.coverage(normalized);
    return new Explanation(
        normalized, words, bigrams, coverage, Fusion.bm25Weight(settings, () -> coverage), out);
  }

  // The passage analysed as the index analysed it, so a "match" is what BM25 counted.
  private List<String> matched(String field, String text, List<String> queryTerms) {
    if (queryTerms.isEmpty()) {
      return List.of();
    }
    Set<String> tokens = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        tokens.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text in memory cannot fail", e);
    }
    return queryTerms.stream().filter(tokens::contains).toList();
  }
}
