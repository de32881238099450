package io.github.wenda.retrieval.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach a SolrCloud and what to create there: ZooKeeper hosts ({@code host:port[/chroot]})
 * or Solr base URLs (one of the two), the collection and the shape to create it with if missing, a
 * bound for every request, passages per update batch, and the configset folder to upload.
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
  /**
   * What Solr accepts as a collection name. The settings schema checks {@code solr.collection}
   * against it, so a user's typo is reported as such before it gets here.
   */
  public static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  public SolrSettings {
    zkHosts = List.copyOf(zkHosts);
    urls = List.copyOf(urls);
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(configset, "configset");
    if (!COLLECTION_NAME.matcher(collection).matches()) {
      throw new IllegalArgumentException(
          "collection must match " + COLLECTION_NAME + ", but is: " + collection);
    }
    if (shards < 1 || replicas < 1 || batchSize < 1) {
      throw new IllegalArgumentException(
          "shards, replicas and batchSize must be at least 1, but are: "
              + shards
              + ", "
              + replicas
              + ", "
              + batchSize);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, but is: " + timeout);
    }
  }

  /** The hosts to connect to, for messages: ZooKeeper's if given, else Solr's. */
  public String hosts() {
    return zkHosts.isEmpty() ? "Solr URLs " + urls : "ZooKeeper hosts " + zkHosts;
  }

  /**
   * Throws unless exactly one way to reach Solr is configured. The settings schema checks this when
   * {@code retrieval.backend} is solr; this guards callers that build settings themselves.
   */
  public void requireHosts() {
    if (zkHosts.isEmpty() == urls.isEmpty()) {
      throw new WendaException(
          "retrieval.backend is solr: set exactly one of solr.zk-hosts and solr.urls, but zk-hosts is "
              + zkHosts
              + " and urls is "
              + urls);
    }
  }
}
