package io.github.wenda.retrieval.solr;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.FusionMethod;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.junit.jupiter.api.Test;

/**
 * The BM25 request the Solr retriever builds, without a cluster: what adaptive fusion asks for and
 * that question text never reaches the field list as syntax.
 */
class SolrLexicalQueryTest {
  // The defaults: adaptive fusion.
  private static final SearchSettings ADAPTIVE = TestSettings.SEARCH;

  private static ModifiableSolrParams lexical(String question, boolean statistics) {
    try (Http2SolrClient client = new Http2SolrClient.Builder("http://127.0.0.1:9/solr").build()) {
      return new SolrRetriever(client, "wenda", new HashingEmbedder(), ADAPTIVE)
          .lexical(question, 50, statistics);
    }
  }

  @Test
  void adaptive_fusion_asks_for_each_query_terms_frequency_and_document_frequency() {
    ModifiableSolrParams p = lexical("秘书处设在北京", true);
    String fl = p.get("fl");

    assertThat(fl).startsWith(SolrPassages.STORED + ",score,nd:numdocs()");
    List<String> terms = new ArrayList<>();
    for (String name : p.getParameterNames()) {
      if (name.matches("c[wb]\\d+")) {
        terms.add(p.get(name));
        String field = name.startsWith("cw") ? SolrPassages.WORDS : SolrPassages.BIGRAMS;
        assertThat(fl)
            .contains("tf_" + name + ":termfreq(" + field + ",$" + name + ")")
            .contains("df_" + name + ":docfreq(" + field + ",$" + name + ")");
      }
    }
    // Every clause of the BM25 query has its statistics: words (北京 …) and bigrams (秘书 …).
    assertThat(terms).contains("北京", "秘书");
    assertThat(terms).hasSize(countClauses(p));
  }

  @Test
  void question_text_travels_as_parameters_never_inside_the_field_list() {
    String fl = lexical("秘书处)\"设在,北京:$x", true).get("fl");

    assertThat(fl).matches("[A-Za-z0-9_,:()$]+");
  }

  @Test
  void without_adaptive_fusion_the_request_asks_for_no_statistics() {
    ModifiableSolrParams p = lexical("秘书处设在北京", false);

    assertThat(p.get("fl")).isEqualTo(SolrPassages.STORED + ",score");
    assertThat(p.getParameterNames()).noneMatch(n -> n.matches("c[wb]\\d+"));
  }

  private static int countClauses(ModifiableSolrParams p) {
    return (int) p.getParameterNames().stream().filter(n -> n.matches("w\\d+")).count();
  }

  @Test
  void statistics_are_asked_for_by_adaptive_fusion_or_by_sentence_evidence() {
    try (Http2SolrClient client = new Http2SolrClient.Builder("http://127.0.0.1:9/solr").build()) {
      for (double[] c : new double[][] {{0.2, 20, 1}, {0, 20, 0}, {0.2, 0, 0}}) {
        SearchSettings weighted =
            TestSettings.searchWith()
                .fusion(FusionMethod.WEIGHTED)
                .sentences(c[0], (int) c[1])
                .build();
        assertThat(new SolrRetriever(client, "wenda", new HashingEmbedder(), weighted).statistics())
            .as("sentence-weight %s, depth %s", c[0], c[1])
            .isEqualTo(c[2] == 1);
      }
      assertThat(new SolrRetriever(client, "wenda", new HashingEmbedder(), ADAPTIVE).statistics())
          .isTrue();
    }
  }
}
