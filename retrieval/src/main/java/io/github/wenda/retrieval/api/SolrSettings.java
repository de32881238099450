package io.github.wenda.retrieval.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach a SolrCloud and what to create there: ZooKeeper hosts ({@code host:port[/chroot]})
 * or Solr base URLs (one of the two), the collection and the shape to create it with if missing,
 * a bound for every request, passages per update batch, and the configset folder to upload.
 */
public record SolrSettings(
    List<String> zkHosts,
    List<String> urls,
    String collection,
    int shards,
    int replicas,
    Duration timeout,
    int batchSize,
    Path configset) {
  public SolrSettings {
    zkHosts = List.copyOf(zkHosts);
    urls = List.copyOf(urls);
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(configset, "configset");
    if (!collection.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
      throw new IllegalArgumentException("solr.collection must be letters, digits, '_', '.' or '-', but is: " + collection);
    }
    check("solr.shards", shards, 1, 1024);
    check("solr.replicas", replicas, 1, 16);
    check("solr.batch-size", batchSize, 1, 10_000);
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("solr.timeout-seconds must be between 1 and 600, but is: " + timeout.toSeconds());
    }
  }

  /** Defaults for an unset solr section: no hosts, collection {@code wenda}, 2 shards × 2 replicas. */
  public static SolrSettings defaults(Path configset) {
    return new SolrSettings(List.of(), List.of(), "wenda", 2, 2, Duration.ofSeconds(30), 200, configset);
  }

  /** The hosts to connect to, for messages: ZooKeeper's if given, else Solr's. */
  public String hosts() {
    return zkHosts.isEmpty() ? "Solr URLs " + urls : "ZooKeeper hosts " + zkHosts;
  }

  /** Throws unless exactly one way to reach Solr is configured. */
  public void requireHosts() {
    if (zkHosts.isEmpty() == urls.isEmpty()) {
      throw new IllegalArgumentException(
          "retrieval.backend is solr: set exactly one of solr.zk-hosts and solr.urls, but zk-hosts is "
              + zkHosts + " and urls is " + urls);
    }
  }

  public SolrSettings withCollection(String name) {
    return new SolrSettings(zkHosts, urls, name, shards, replicas, timeout, batchSize, configset);
  }

  private static void check(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", but is: " + value);
    }
  }
}
