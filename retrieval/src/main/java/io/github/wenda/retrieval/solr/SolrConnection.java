package io.github.wenda.retrieval.solr;

import io.github.wenda.retrieval.api.SolrSettings;
import io.github.wenda.retrieval.api.WendaException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

/**
 * Opens a {@link CloudSolrClient} from settings, every request bounded by {@code
 * solr.timeout-seconds}.
 */
final class SolrConnection {
  private SolrConnection() {}

  /**
   * A connected client; the cluster answered a collection listing.
   *
   * @throws WendaException naming the hosts when ZooKeeper or Solr cannot be reached in time
   */
  static CloudSolrClient open(SolrSettings s) {
    s.requireHosts();
    long ms = s.timeout().toMillis();
    Http2SolrClient.Builder http =
        new Http2SolrClient.Builder()
            .withConnectionTimeout(ms, TimeUnit.MILLISECONDS)
            .withIdleTimeout(ms, TimeUnit.MILLISECONDS)
            .withRequestTimeout(ms, TimeUnit.MILLISECONDS);
    CloudSolrClient client = null;
    try {
      CloudHttp2SolrClient.Builder b =
          s.zkHosts().isEmpty()
              ? new CloudHttp2SolrClient.Builder(s.urls())
              : new CloudHttp2SolrClient.Builder(s.zkHosts(), Optional.empty())
                  .withZkConnectTimeout((int) ms, TimeUnit.MILLISECONDS)
                  .withZkClientTimeout((int) ms, TimeUnit.MILLISECONDS);
      client = b.withHttpClientBuilder(http).build();
      if (!s.zkHosts().isEmpty()) {
        connectWithin(client, ms);
      }
      List<String> collections = CollectionAdminRequest.listCollections(client);
      assert collections != null;
      return client;
    } catch (java.util.concurrent.TimeoutException e) {
      closeQuietly(client);
      throw unreachable(s, "no answer within " + s.timeout().toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(client);
      throw unreachable(s, "interrupted", e);
    } catch (IOException | SolrServerException | RuntimeException e) {
      closeQuietly(client);
      throw unreachable(s, rootMessage(e), e);
    }
  }

  // SolrJ 9.10 deprecates connect(long, TimeUnit) (gone in 10, SOLR-18380) without a bounded-wait
  // replacement in 9.x: getLiveNodes() would block for ZooKeeper's own session timeout instead.
  @SuppressWarnings("deprecation")
  private static void connectWithin(CloudSolrClient client, long ms)
      throws java.util.concurrent.TimeoutException, InterruptedException {
    client.connect(ms, TimeUnit.MILLISECONDS);
  }

  static WendaException unreachable(SolrSettings s, String why, Throwable cause) {
    return new WendaException(
        "cannot reach SolrCloud at "
            + s.hosts()
            + ": "
            + why
            + " (check solr.zk-hosts / solr.urls and that the cluster is up)",
        cause);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null
        ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static void closeQuietly(CloudSolrClient c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException | RuntimeException e) {
        // Already failing with a clearer message.
      }
    }
  }
}
