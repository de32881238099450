package io.github.wenda.retrieval.solr;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.backend.Fusion;
import io.github.wenda.retrieval.backend.NearDuplicates;
import io.github.wenda.retrieval.backend.SentenceEvidence;
import io.github.wenda.retrieval.backend.TermCoverage;
import io.github.wenda.retrieval.text.QueryAnalyzer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The embedded retriever's search against a SolrCloud collection: the same normalisation and terms,
 * a BM25 list and a k-nearest-neighbour list from Solr, fused here by {@link Fusion} with the same
 * settings (Solr 9 has no rank fusion of its own).
 *
 * <p>The lexical query is built from Wenda's own analysis as a boolean of {@code {!term}}
 * sub-queries whose values travel as separate parameters, so user text is never parsed as query
 * syntax, and its scores equal the embedded index's (a sum of BM25 term scores, bigrams boosted).
 * Solr's knn {@code topK} applies per shard; asking each shard for {@code depth} and keeping the
 * best {@code depth} overall gives the global top list.
 */
final class SolrRetriever implements Retriever {
  private final SolrClient client;
  private final String collection;
  private final Embedder embedder;
  private final SearchSettings settings;
  private final QueryAnalyzer analyzer = new QueryAnalyzer();

  SolrRetriever(SolrClient client, String collection, Embedder embedder, SearchSettings settings) {
    this.client = client;
    this.collection = collection;
    this.embedder = embedder;
    this.settings = settings;
  }

  @Override
  public List<Hit> search(Query query) {
    String text = analyzer.normalize(query.text());
    if (text.isBlank()) {
      return List.of();
    }
    int depth = Math.max(settings.candidates(), query.k());
    Candidates c = new Candidates();
    try {
      List<Fusion.Fused> fused =
          switch (query.mode()) {
            case BM25 -> Fusion.single(c.ranked(run(lexical(text, depth, false))), true);
            case VECTOR -> Fusion.single(c.ranked(run(knn(text, depth))), false);
            case HYBRID -> {
              // Embed before asking Solr: the model's time is local, the two lists are remote.
              ModifiableSolrParams knn = knn(text, depth);
              ModifiableSolrParams lexical = lexical(text, depth, statistics());
              List<SolrDocument> lexicalDocs = run(lexical);
              List<Fusion.Ranked> bm25 = c.ranked(lexicalDocs);
              double w = Fusion.bm25Weight(settings, () -> coverage(lexical, lexicalDocs));
              List<Fusion.Fused> merged = Fusion.fuse(bm25, c.ranked(run(knn)), settings, w);
              yield evidenceOn()
                  ? evidence(lexical, lexicalDocs)
                      .rerank(
                          merged, settings, n -> SentenceEvidence.units(c.passages.get(n).text()))
                  : merged;
            }
          };
      // Fused lists run deeper than k, so near-duplicates folded away still leave k hits.
      NearDuplicates hits = new NearDuplicates(query.k());
      for (Fusion.Fused f : fused) {
        if (!hits.wantsMore()) {
          break;
        }
        hits.add(c.passages.get(f.doc()), f.details());
      }
      return hits.hits();
    } catch (IOException | SolrServerException | RuntimeException e) {
      if (e instanceof WendaException w) {
        throw w;
      }
      throw new WendaException(
          "search failed on Solr collection " + collection + ": " + SolrConnection.rootMessage(e),
          e);
    }
  }

  /**
   * Whether hybrid search asks Solr for its query terms' statistics: adaptive fusion needs the
   * coverage of the best BM25 passage, sentence evidence the terms' weights.
   */
  boolean statistics() {
    return settings.fusion() == FusionMethod.ADAPTIVE || evidenceOn();
  }

  private boolean evidenceOn() {
    return settings.sentenceWeight() > 0 && settings.sentenceDepth() > 0;
  }

  /**
   * BM25 over smartcn words and (boosted) bigrams; null when the text has no searchable term. With
   * {@code statistics}, each passage also carries what {@link #coverage} needs.
   */
  ModifiableSolrParams lexical(String text, int depth, boolean statistics) {
    ModifiableSolrParams p = base(depth);
    StringBuilder q = new StringBuilder("{!bool");
    int n = 0;
    StringBuilder fl = new StringBuilder(SolrPassages.STORED + ",score,nd:numdocs()");
    for (String t : analyzer.words(text)) {
      String name = "w" + n++;
      q.append(" should=$").append(name);
      p.set(name, "{!term f=" + SolrPassages.WORDS + "}" + t);
      if (statistics) {
        termStatistics(p, fl, COVERAGE_WORD + n, SolrPassages.WORDS, t);
      }
    }
    if (settings.bigrams() && settings.bigramWeight() > 0) {
      double w = settings.bigramWeight();
      for (String t : analyzer.bigrams(text)) {
        String name = "w" + n++;
        q.append(" should=$").append(name);
        String term = "{!term f=" + SolrPassages.BIGRAMS + "}" + t;
        if (w == 1.0) {
          p.set(name, term);
        } else {
          // A constant multiplier on the term's score, as Lucene's BoostQuery in the embedded
          // index.
          p.set(name, "{!boost b=" + w + " v=$" + name + "t}");
          p.set(name + "t", term);
        }
        if (statistics) {
          termStatistics(p, fl, COVERAGE_BIGRAM + n, SolrPassages.BIGRAMS, t);
        }
      }
    }
    if (n == 0) {
      return null;
    }
    p.set("q", q.append('}').toString());
    if (statistics) {
      p.set("fl", fl.toString());
    }
    return p;
  }

  // Parameter-name prefixes of the query terms whose statistics adaptive fusion asks for, by field.
  private static final String COVERAGE_WORD = "cw";
  private static final String COVERAGE_BIGRAM = "cb";

  /**
   * Asks for a term's frequency in each returned passage and its document frequency, as function
   * pseudo-fields; the term travels as a separate parameter, never parsed as syntax.
   */
  private static void termStatistics(
      ModifiableSolrParams p, StringBuilder fl, String name, String field, String term) {
    p.set(name, term);
    fl.append(",tf_").append(name).append(":termfreq(").append(field).append(",$").append(name);
    fl.append("),df_").append(name).append(":docfreq(").append(field).append(",$").append(name);
    fl.append(')');
  }

  /**
   * The share of the query's term weight held by the best BM25 passage, from the statistics {@link
   * #termStatistics} asked for: the same formula as the embedded index ({@link TermCoverage}), with
   * the statistics of the shard that holds the passage, as Solr's own BM25 scores use.
   */
  private double coverage(ModifiableSolrParams lexical, List<SolrDocument> docs) {
    if (docs.isEmpty()) {
      return 0;
    }
    SolrDocument top = docs.get(0);
    List<TermCoverage.Term> terms = new ArrayList<>();
    for (Statistic t : statistics(lexical, top)) {
      terms.add(new TermCoverage.Term(t.weight(), number(top, "tf_" + t.name()) > 0));
    }
    return TermCoverage.share(terms);
  }

  /**
   * The query terms weighted as {@link #coverage} weighs them, for {@link SentenceEvidence}; none
   * when BM25 found nothing (then no candidate's sentence holds a query term either).
   */
  private SentenceEvidence evidence(ModifiableSolrParams lexical, List<SolrDocument> docs) {
    List<SentenceEvidence.Term> terms = new ArrayList<>();
    if (!docs.isEmpty()) {
      for (Statistic t : statistics(lexical, docs.get(0))) {
        terms.add(new SentenceEvidence.Term(t.term(), t.weight()));
      }
    }
    return new SentenceEvidence(terms);
  }

  /** A query term whose statistics were asked for: its parameter name, text and weight. */
  private record Statistic(String name, String term, double weight) {}

  // Weights (boost times idf) from the document frequencies returned with the passage {@code top}.
  private List<Statistic> statistics(ModifiableSolrParams lexical, SolrDocument top) {
    long numDocs = number(top, "nd");
    List<Statistic> out = new ArrayList<>();
    for (String name : lexical.getParameterNames()) {
      boolean word = name.matches(COVERAGE_WORD + "\\d+");
      if (word || name.matches(COVERAGE_BIGRAM + "\\d+")) {
        double boost = word ? 1 : settings.bigramWeight();
        double idf = TermCoverage.idf(number(top, "df_" + name), numDocs);
        out.add(new Statistic(name, lexical.get(name), boost * idf));
      }
    }
    return out;
  }

  private static long number(SolrDocument d, String field) {
    Object v = d.getFieldValue(field);
    if (!(v instanceof Number n)) {
      throw new WendaException("Solr returned no number for " + field + " but: " + v);
    }
    return n.longValue();
  }

  private ModifiableSolrParams knn(String text, int depth) {
    float[] v = embedder.embed(settings.questionForEmbedding(text));
    StringBuilder q =
        new StringBuilder("{!knn f=")
            .append(SolrPassages.VECTOR)
            .append(" topK=")
            .append(depth)
            .append("}[");
    for (int i = 0; i < v.length; i++) {
      if (i > 0) {
        q.append(',');
      }
      q.append(v[i]);
    }
    ModifiableSolrParams p = base(depth);
    p.set("q", q.append(']').toString());
    return p;
  }

  private static ModifiableSolrParams base(int depth) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("rows", depth);
    p.set("fl", SolrPassages.STORED + ",score");
    return p;
  }

  private List<SolrDocument> run(ModifiableSolrParams p) throws SolrServerException, IOException {
    if (p == null) {
      return List.of();
    }
    // POST: a 512-number vector does not belong in a URL.
    return new QueryRequest(p, SolrRequest.METHOD.POST).process(client, collection).getResults();
  }

  /** Numbers the passages of one search for {@link Fusion}, in order of first appearance. */
  private static final class Candidates {
    final Map<String, Integer> numbers = new HashMap<>();
    final List<Passage> passages = new ArrayList<>();

    List<Fusion.Ranked> ranked(List<SolrDocument> docs) {
      List<Fusion.Ranked> out = new ArrayList<>(docs.size());
      for (SolrDocument d : docs) {
        String id = (String) d.getFirstValue(SolrPassages.ID);
        Integer n = numbers.get(id);
        if (n == null) {
          n = passages.size();
          numbers.put(id, n);
          passages.add(SolrPassages.fromSolr(d));
        }
        out.add(new Fusion.Ranked(n, ((Number) d.getFieldValue("score")).floatValue()));
      }
      return out;
    }
  }
}
