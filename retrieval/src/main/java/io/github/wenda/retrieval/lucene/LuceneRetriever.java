package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.backend.Fusion;
import io.github.wenda.retrieval.backend.NearDuplicates;
import io.github.wenda.retrieval.backend.SentenceEvidence;
import io.github.wenda.retrieval.backend.TermCoverage;
import io.github.wenda.retrieval.text.QueryNormalizer;
import io.github.wenda.retrieval.text.QueryTerms;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * BM25 over smartcn words (and optionally character bigrams) and k-nearest-neighbour search over
 * passage embeddings, on one searcher, fused in our code.
 */
final class LuceneRetriever implements Retriever {
  static final String QUERY_PREFIX = SearchSettings.QUERY_PREFIX;

  private final PassageIndex index;
  private final Embedder embedder;
  private final SearchSettings settings;
  private final QueryNormalizer normalizer = new QueryNormalizer();
  private final QueryTerms terms = new QueryTerms(IndexSchema.analyzer());

  LuceneRetriever(PassageIndex index, Embedder embedder, SearchSettings settings) {
    this.index = index;
    this.embedder = embedder;
    this.settings = settings;
  }

  @Override
  public List<Hit> search(Query query) {
    String text = normalizer.normalize(query.text());
    if (text.isBlank() || index.size() == 0) {
      return List.of();
    }
    int depth = Math.max(settings.candidates(), query.k());
    try {
      // Stored fields only for the candidates looked at (k and a few more, and those whose
      // sentences hybrid search reads), not for the whole fused list.
      IntFunction<PassageIndex.StoredPassage> passages = index.passageReader();
      List<Fusion.Fused> fused =
          switch (query.mode()) {
            case BM25 -> Fusion.single(bm25(text, depth), true);
            case VECTOR -> Fusion.single(vector(text, depth), false);
            case HYBRID -> hybrid(text, depth, doc -> passages.apply(doc).sentences());
          };
      // Fused lists run deeper than k, so near-duplicates folded away still leave k hits.
      NearDuplicates hits = new NearDuplicates(query.k());
      for (Fusion.Fused f : fused) {
        if (!hits.wantsMore()) {
          break;
        }
        PassageIndex.StoredPassage p = passages.apply(f.doc());
        hits.add(p.passage(), f.details(), p.shingles());
      }
      return hits.hits();
    } catch (IOException e) {
      throw new WendaException("search failed on the index: " + e.getMessage(), e);
    }
  }

  /** The programmatic BM25 query for normalised text; exposed for explain. */
  org.apache.lucene.search.Query lexicalQuery(String text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : terms.terms(IndexSchema.WORDS, text)) {
      b.add(new TermQuery(new Term(IndexSchema.WORDS, t)), BooleanClause.Occur.SHOULD);
    }
    if (settings.bigrams() && settings.bigramWeight() > 0) {
      for (String t : terms.terms(IndexSchema.BIGRAMS, text)) {
        b.add(
            new BoostQuery(
                new TermQuery(new Term(IndexSchema.BIGRAMS, t)), (float) settings.bigramWeight()),
            BooleanClause.Occur.SHOULD);
      }
    }
    return b.build();
  }

  Set<String> wordTerms(String text) {
    return terms.terms(IndexSchema.WORDS, text);
  }

  private List<Fusion.Ranked> bm25(String text, int depth) throws IOException {
    return bm25((BooleanQuery) lexicalQuery(text), depth);
  }

  private List<Fusion.Ranked> bm25(BooleanQuery q, int depth) throws IOException {
    if (q.clauses().isEmpty()) {
      return List.of();
    }
    return ranked(index.searcher().search(q, depth));
  }

  /**
   * The lexical half of a hybrid search: BM25's list, the share fusion gives it, and the weighted
   * query terms its candidates' sentences are scored by.
   */
  private record Lexical(List<Fusion.Ranked> ranked, double weight, SentenceEvidence evidence) {}

  // The question analysed once for the BM25 query, and its terms weighed once for the term
  // coverage and the sentence evidence.
  private Lexical lexical(String text, int depth) throws IOException {
    BooleanQuery q = (BooleanQuery) lexicalQuery(text);
    List<Fusion.Ranked> ranked = bm25(q, depth);
    // Document frequencies are looked up only when adaptive fusion or sentence evidence uses them.
    List<WeightedTerm> weights =
        settings.fusion() == FusionMethod.ADAPTIVE || evidenceOn() ? weighted(q) : List.of();
    return new Lexical(
        ranked, Fusion.bm25Weight(settings, () -> coverage(weights, ranked)), evidence(weights));
  }

  // BM25 (analysis and both fields) runs on a spare core while this thread embeds the question:
  // the model runs one question on one thread, so the other core would sit idle.
  private List<Fusion.Fused> hybrid(String text, int depth, IntFunction<List<String>> sentences)
      throws IOException {
    // The term coverage that sets BM25's share is read beside the embedding too.
    Future<Lexical> lexical = SpareCore.start(() -> lexical(text, depth));
    List<Fusion.Ranked> vector;
    try {
      vector = vector(text, depth);
    } catch (IOException | RuntimeException e) {
      // Waited for, not interrupted: the caller may close or repair the reader once this throws,
      // and an interrupt inside a Lucene read can close a file channel for every search.
      SpareCore.await(lexical);
      throw e;
    }
    Lexical bm25 = SpareCore.join(lexical);
    return bm25.evidence()
        .rerank(Fusion.fuse(bm25.ranked(), vector, settings, bm25.weight()), settings, sentences);
  }

  /** The term coverage of the best BM25 passage for this normalised question; for explain. */
  double coverage(String text) {
    try {
      BooleanQuery q = (BooleanQuery) lexicalQuery(text);
      return coverage(weighted(q), bm25(q, 1));
    } catch (IOException e) {
      throw new WendaException("search failed on the index: " + e.getMessage(), e);
    }
  }

  /**
   * The share of the query's term weight (boost times idf, words and bigrams as queried) that the
   * best BM25 passage contains; see {@link TermCoverage}. Looks up each query term's postings at
   * that one passage.
   */
  private double coverage(List<WeightedTerm> weights, List<Fusion.Ranked> bm25) {
    if (bm25.isEmpty()) {
      return 0;
    }
    IndexReader reader = index.searcher().getIndexReader();
    int top = bm25.get(0).doc();
    LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(top, reader.leaves()));
    List<TermCoverage.Term> out = new ArrayList<>();
    try {
      for (WeightedTerm w : weights) {
        PostingsEnum postings = leaf.reader().postings(w.term(), PostingsEnum.NONE);
        int local = top - leaf.docBase;
        boolean found = postings != null && postings.advance(local) == local;
        out.add(new TermCoverage.Term(w.weight(), found));
      }
    } catch (IOException e) {
      throw new WendaException("cannot read term statistics from the index: " + e.getMessage(), e);
    }
    return TermCoverage.share(out);
  }

  /**
   * The query's terms with their weights (boost times idf, as {@link #coverage} weighs them), for
   * {@link SentenceEvidence}; none when sentence evidence is off.
   */
  private SentenceEvidence evidence(List<WeightedTerm> weights) {
    if (!evidenceOn()) {
      return new SentenceEvidence(List.of());
    }
    List<SentenceEvidence.Term> out = new ArrayList<>(weights.size());
    for (WeightedTerm w : weights) {
      out.add(new SentenceEvidence.Term(w.term().text(), w.weight()));
    }
    return new SentenceEvidence(out);
  }

  private boolean evidenceOn() {
    return settings.sentenceWeight() > 0 && settings.sentenceDepth() > 0;
  }

  /** A term of the BM25 query and its weight: its boost times its idf in the index. */
  private record WeightedTerm(Term term, double weight) {}

  private List<WeightedTerm> weighted(BooleanQuery query) {
    IndexReader reader = index.searcher().getIndexReader();
    List<WeightedTerm> out = new ArrayList<>(query.clauses().size());
    try {
      for (BooleanClause c : query.clauses()) {
        org.apache.lucene.search.Query q = c.getQuery();
        double boost = 1;
        if (q instanceof BoostQuery b) {
          boost = b.getBoost();
          q = b.getQuery();
        }
        Term term = ((TermQuery) q).getTerm();
        out.add(
            new WeightedTerm(
                term, boost * TermCoverage.idf(reader.docFreq(term), reader.numDocs())));
      }
    } catch (IOException e) {
      throw new WendaException("cannot read term statistics from the index: " + e.getMessage(), e);
    }
    return out;
  }

  private List<Fusion.Ranked> vector(String text, int depth) throws IOException {
    return knn(embedQuestion(text), depth);
  }

  private float[] embedQuestion(String text) {
    return embedder.embed(settings.queryPrefix() ? QUERY_PREFIX + text : text);
  }

  private List<Fusion.Ranked> knn(float[] v, int depth) throws IOException {
    IndexSearcher searcher = index.searcher();
    if (searcher.getIndexReader().numDocs() <= EXACT_VECTOR_SEARCH_UP_TO) {
      return exactKnn(v, depth);
    }
    return graphKnn(searcher, v, depth);
  }

  /** The vector list through the HNSW graph, or scored exhaustively; exposed to compare the two. */
  List<Fusion.Ranked> vectorList(float[] v, int depth, boolean exact) throws IOException {
    return exact ? exactKnn(v, depth) : graphKnn(index.searcher(), v, depth);
  }

  private static List<Fusion.Ranked> graphKnn(IndexSearcher searcher, float[] v, int depth)
      throws IOException {
    return ranked(searcher.search(new KnnFloatVectorQuery(IndexSchema.VECTOR, v, depth), depth));
  }

  /**
   * Up to this many passages the vector list is scored exhaustively instead of through the HNSW
   * graph: every passage scored costs less than the graph walk and the query set-up (at 184
   * passages about a tenth), and the list is exact. Past it the graph's sub-linear cost wins.
   */
  static final int EXACT_VECTOR_SEARCH_UP_TO = 1000;

  // The same similarity and score as the HNSW search (the field's similarity function over the
  // stored vectors, which the index keeps on the heap for this), every live passage, best first;
  // equal scores in document order, as Lucene's top-docs order them.
  private List<Fusion.Ranked> exactKnn(float[] v, int depth) throws IOException {
    PassageIndex.Vectors all = index.vectors();
    List<Fusion.Ranked> scored = new ArrayList<>(all.docs().length);
    for (int i = 0; i < all.docs().length; i++) {
      scored.add(
          new Fusion.Ranked(all.docs()[i], IndexSchema.SIMILARITY.compare(v, all.values()[i])));
    }
    scored.sort(
        (a, b) -> {
          int c = Float.compare(b.score(), a.score());
          return c != 0 ? c : Integer.compare(a.doc(), b.doc());
        });
    return scored.size() <= depth ? scored : new ArrayList<>(scored.subList(0, depth));
  }

  private static List<Fusion.Ranked> ranked(TopDocs top) {
    List<Fusion.Ranked> out = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      out.add(new Fusion.Ranked(sd.doc, sd.score));
    }
    return out;
  }
}
