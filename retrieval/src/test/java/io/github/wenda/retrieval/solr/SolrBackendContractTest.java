package io.github.wenda.retrieval.solr;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.SolrSettings;
import io.github.wenda.retrieval.backend.SearchBackend;
import io.github.wenda.retrieval.backend.SearchBackendContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The backend contract on a two-node SolrCloud, a fresh collection (2 shards × 2 replicas) per
 * test.
 */
@Tag("solr")
@DisabledIfSystemProperty(named = "skipSolr", matches = "|true")
class SolrBackendContractTest extends SearchBackendContract {
  private static final AtomicInteger COLLECTIONS = new AtomicInteger();
  private static SolrTestCluster solr;

  @BeforeAll
  static void startCluster() throws Exception {
    solr = SolrTestCluster.start(2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (solr != null) {
      solr.close();
    }
  }

  @Override
  protected SearchBackend create(IndexSettings index, Embedder embedder) {
    SolrSettings s = solr.settings("contract" + COLLECTIONS.incrementAndGet(), 2, 50);
    return SolrBackend.connect(s, index, embedder, embedder, ProgressListener.NONE);
  }
}
