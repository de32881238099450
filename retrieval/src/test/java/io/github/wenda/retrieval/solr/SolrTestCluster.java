package io.github.wenda.retrieval.solr;

import io.github.wenda.retrieval.api.SolrSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A real SolrCloud for tests: an embedded ZooKeeper and two Solr nodes (Jetty) in this JVM, with
 * nothing uploaded: Wenda's backend uploads its configset itself, as it would on a real cluster.
 * Public (through the test-jar) for the bot's command-line tests on {@code retrieval.backend:
 * solr}.
 */
public final class SolrTestCluster implements AutoCloseable {
  /** The shipped configset, from a module folder. */
  public static final Path CONFIGSET = Path.of("..", "config", "solr", "wenda", "conf");

  final MiniSolrCloudCluster cluster;

  private SolrTestCluster(MiniSolrCloudCluster cluster) {
    this.cluster = cluster;
  }

  public static SolrTestCluster start(int nodes) throws Exception {
    Path dir = Files.createTempDirectory("wenda-solrcloud");
    return new SolrTestCluster(new MiniSolrCloudCluster.Builder(nodes, dir).build());
  }

  /** Settings reaching this cluster through ZooKeeper: {@code shards} × 2 replicas. */
  SolrSettings settings(String collection, int shards, int batchSize) {
    return new SolrSettings(
        List.of(cluster.getZkServer().getZkAddress()),
        List.of(),
        collection,
        shards,
        2,
        Duration.ofSeconds(30),
        batchSize,
        CONFIGSET);
  }

  /** The embedded ZooKeeper's host:port, what {@code solr.zk-hosts} names. */
  public String zkHost() {
    return cluster.getZkServer().getZkAddress();
  }

  @Override
  public void close() throws IOException {
    try {
      cluster.shutdown();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("stopping the test cluster failed", e);
    }
  }
}
