package io.github.wenda.retrieval.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.SearchMode;
import io.github.wenda.retrieval.api.SolrSettings;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unreachable clusters fail at start with one message naming the hosts; a failed batch leaves no
 * half-indexed document.
 */
@Tag("solr")
@DisabledIfSystemProperty(named = "skipSolr", matches = "|true")
class SolrFaultsTest {
  @TempDir Path tmp;

  private IndexSettings index() {
    return TestSettings.index(tmp.resolve("index"), TestSettings.CHUNK, 16);
  }

  @Test
  void unreachable_zookeeper_or_solr_fails_with_the_hosts_named() {
    Embedder e = new HashingEmbedder();
    SolrSettings zk =
        new SolrSettings(
            List.of("127.0.0.1:1"),
            List.of(),
            "wenda",
            1,
            1,
            Duration.ofSeconds(2),
            10,
            SolrTestCluster.CONFIGSET);
    long t = System.nanoTime();
    assertThatThrownBy(() -> SolrBackend.connect(zk, index(), e, e, ProgressListener.NONE))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining("cannot reach SolrCloud at ZooKeeper hosts [127.0.0.1:1]");
    SolrSettings urls =
        new SolrSettings(
            List.of(),
            List.of("http://127.0.0.1:1/solr"),
            "wenda",
            1,
            1,
            Duration.ofSeconds(2),
            10,
            SolrTestCluster.CONFIGSET);
    assertThatThrownBy(() -> SolrBackend.connect(urls, index(), e, e, ProgressListener.NONE))
        .isInstanceOf(WendaException.class)
        .hasMessageContaining("cannot reach SolrCloud at Solr URLs [http://127.0.0.1:1/solr]");
    assertThat(Duration.ofNanos(System.nanoTime() - t))
        .as("bounded by the timeouts")
        .isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void neither_or_both_ways_to_connect_is_a_settings_error() {
    Embedder e = new HashingEmbedder();
    SolrSettings none = TestSettings.solr(SolrTestCluster.CONFIGSET);
    assertThatThrownBy(() -> SolrBackend.connect(none, index(), e, e, ProgressListener.NONE))
        .hasMessageContaining("set exactly one of solr.zk-hosts and solr.urls");
  }

  @Test
  void a_batch_that_keeps_failing_leaves_no_half_indexed_document() throws Exception {
    Corpus corpus = new CorpusLoader(Path.of("..", "corpus"), TestSettings.CORPUS).load();
    Document victim = corpus.documents().get(1);
    try (SolrTestCluster solr = SolrTestCluster.start(2)) {
      SolrSettings s = solr.settings("faults", 2, 5);
      // Vectors of the wrong length for the victim's later passages: Solr rejects those batches.
      Embedder broken = new BrokenEmbedder(new HashingEmbedder(), victim.title());
      try (SolrBackend b = SolrBackend.connect(s, index(), broken, broken, ProgressListener.NONE)) {
        assertThatThrownBy(() -> b.refresh(corpus))
            .isInstanceOf(WendaException.class)
            .hasMessageContaining("cannot index into Solr collection faults");
        Map<String, Long> perDoc =
            b.passages().stream()
                .collect(Collectors.groupingBy(Passage::docId, Collectors.counting()));
        assertThat(perDoc).as("nothing of a failed run is visible").isEmpty();
      }
      Embedder good = new HashingEmbedder();
      try (SolrBackend b = SolrBackend.connect(s, index(), good, good, ProgressListener.NONE)) {
        IndexReport r = b.refresh(corpus);
        assertThat(r.passages()).isGreaterThan(100);
        assertThat(b.refresh(corpus).action()).isEqualTo(IndexReport.Action.REUSED);
      }
    }
  }

  @Test
  void a_collection_made_before_pages_were_stored_still_indexes_and_searches() throws Exception {
    Corpus corpus = new CorpusLoader(Path.of("..", "corpus"), TestSettings.CORPUS).load();
    Embedder e = new HashingEmbedder();
    // The configset as it was before schema version 2, under the name Wenda looks for.
    Path old = Files.createDirectories(tmp.resolve("old-conf"));
    try (var files = Files.walk(SolrTestCluster.CONFIGSET)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = old.resolve(SolrTestCluster.CONFIGSET.relativize(f).toString());
        Files.createDirectories(to.getParent());
        String text = Files.readString(f);
        Files.writeString(
            to,
            f.endsWith(SolrConfigset.SCHEMA)
                ? text.replaceAll("(?m)^.*name=\"page\".*$", "")
                : text);
      }
    }
    try (SolrTestCluster solr = SolrTestCluster.start(2)) {
      var client = solr.cluster.getSolrClient();
      SolrConfigset.ensure(client, old, e.dimension());
      SolrSettings s = solr.settings("before-pages", 1, 50);
      try (SolrBackend b = SolrBackend.connect(s, index(), e, e, ProgressListener.NONE)) {
        assertThat(b.refresh(corpus).passages()).isGreaterThan(100);
        assertThat(b.passages()).isNotEmpty().allMatch(p -> p.page() == 0);
        assertThat(
                b.retriever(TestSettings.SEARCH)
                    .search(new Query("上合组织农业合作示范区在哪里？", 3, SearchMode.BM25)))
            .isNotEmpty();
      }
      assertThat(
              new SchemaRequest.Fields()
                  .process(client, "before-pages").getFields().stream().map(f -> f.get("name")))
          .doesNotContain(SolrPassages.PAGE);
    }
  }

  /** The fake model, but a short vector for every passage of one document after its first few. */
  private static final class BrokenEmbedder implements Embedder {
    private final Embedder inner;
    private final String title;
    private int seen;

    BrokenEmbedder(Embedder inner, String title) {
      this.inner = inner;
      this.title = title;
    }

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
      List<float[]> out = new java.util.ArrayList<>(inner.embed(texts));
      for (int i = 0; i < texts.size(); i++) {
        if (seen++ > 120) {
          out.set(i, new float[] {1f, 0f});
        }
      }
      return out;
    }
  }
}
