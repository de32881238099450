package io.github.wenda.retrieval.solr;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.SearchSettings;
import io.github.wenda.retrieval.api.SolrSettings;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.backend.SearchBackend;
import io.github.wenda.retrieval.pipeline.ChangeSet;
import io.github.wenda.retrieval.pipeline.PassagePipeline;
import io.github.wenda.retrieval.pipeline.PipelineRun;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.client.solrj.response.PivotField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passages in a SolrCloud collection, reached through SolrJ.
 *
 * <p>{@link #refresh} creates the collection from Wenda's configset if it is missing, then works as
 * the embedded index does: documents whose SHA-256 is unchanged are left alone; changed and removed
 * ones are deleted by document and their passages added again in batches, each batch retried;
 * nothing is visible until one commit at the end. If a batch still fails, the run's passages are
 * withdrawn, so a document is then absent (and redone by the next run) but never half-indexed.
 */
public final class SolrBackend implements SearchBackend {
  private static final Logger log = LoggerFactory.getLogger(SolrBackend.class);
  static final int ATTEMPTS = 3;

  private final SolrSettings settings;
  private final IndexSettings index;
  private final CloudSolrClient client;
  private final Embedder passageEmbedder;
  private final Embedder queryEmbedder;
  private final ProgressListener progress;
  private final PassagePipeline pipeline;
  private final Map<String, Double> idfCache = new ConcurrentHashMap<>();
  private volatile long size = -1;

  private SolrBackend(
      SolrSettings settings,
      IndexSettings index,
      CloudSolrClient client,
      Embedder passageEmbedder,
      Embedder queryEmbedder,
      ProgressListener progress) {
    this.settings = settings;
    this.index = index;
    this.client = client;
    this.passageEmbedder = passageEmbedder;
    this.queryEmbedder = queryEmbedder;
    this.progress = progress;
    this.pipeline =
        new PassagePipeline(index.chunk(), passageEmbedder, index.batchSize(), progress);
  }

  /**
   * Connects to the cluster named in {@code settings}.
   *
   * @throws WendaException naming the hosts when the cluster cannot be reached
   */
  public static SolrBackend connect(
      SolrSettings settings,
      IndexSettings index,
      Embedder passageEmbedder,
      Embedder queryEmbedder,
      ProgressListener progress) {
    return new SolrBackend(
        settings, index, SolrConnection.open(settings), passageEmbedder, queryEmbedder, progress);
  }

  /** The pipeline, model and chunking a passage was built with: any change means a rebuild. */
  String build() {
    return "p"
        + PassagePipeline.VERSION
        + "|"
        + passageEmbedder.modelId()
        + "|chunk "
        + index.chunk().maxChars()
        + "/"
        + index.chunk().overlapChars();
  }

  @Override
  public IndexReport refresh(Corpus corpus) {
    try {
      ensureCollection();
      return update(corpus);
    } catch (WendaException e) {
      throw e;
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw new WendaException(
          "cannot index into Solr collection "
              + settings.collection()
              + " at "
              + settings.hosts()
              + ": "
              + SolrConnection.rootMessage(e),
          e);
    } finally {
      idfCache.clear();
      size = -1;
    }
  }

  private void ensureCollection() throws IOException, SolrServerException {
    if (CollectionAdminRequest.listCollections(client).contains(settings.collection())) {
      checkPageField();
      return;
    }
    String configset =
        SolrConfigset.ensure(client, settings.configset(), passageEmbedder.dimension());
    log.info(
        "creating Solr collection {} ({} shards x {} replicas) from configset {}",
        settings.collection(),
        settings.shards(),
        settings.replicas(),
        configset);
    CollectionAdminRequest.createCollection(
            settings.collection(), configset, settings.shards(), settings.replicas())
        .process(client);
    awaitActive();
    checkPageField();
  }

  // Whether the collection's schema stores a passage's page (collections made from a configset
  // before schema version 2 do not; their schema is not editable, so they index without it).
  private volatile boolean storesPages = true;

  /**
   * Reads whether the collection's schema has the {@code page} field. A collection made before it
   * keeps working; its citations name no page until it is deleted and {@code wenda index} makes it
   * again from the current configset, which the warning says.
   */
  private void checkPageField() throws IOException, SolrServerException {
    storesPages =
        new SchemaRequest.Fields()
            .process(client, settings.collection()).getFields().stream()
                .anyMatch(f -> SolrPassages.PAGE.equals(f.get("name")));
    if (!storesPages) {
      log.warn(
          "Solr collection {} was made from an older configset and stores no page numbers: PDF"
              + " citations will name no page until it is deleted and `wenda index` makes it again",
          settings.collection());
    }
  }

  // Creation returns before every replica is up; searching a half-started collection would miss
  // shards.
  private void awaitActive() throws IOException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    long expected = (long) settings.shards() * settings.replicas();
    while (true) {
      var provider = client.getClusterStateProvider();
      var coll = provider.getCollection(settings.collection());
      Set<String> live = provider.getLiveNodes();
      if (coll != null
          && coll.getActiveSlices().size() == settings.shards()
          && coll.getActiveSlices().stream()
                  .flatMap(slice -> slice.getReplicas().stream())
                  .filter(r -> r.isActive(live))
                  .count()
              == expected) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new WendaException(
            "Solr collection "
                + settings.collection()
                + " was created but not all "
                + expected
                + " replicas became active within "
                + settings.timeout().toSeconds()
                + " s");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WendaException(
            "interrupted while waiting for Solr collection " + settings.collection(), e);
      }
    }
  }

  private IndexReport update(Corpus corpus) throws IOException, SolrServerException {
    Map<String, String> indexed = new HashMap<>();
    Set<String> builds = new HashSet<>();
    readState(indexed, builds);
    String build = build();
    boolean rebuild = !builds.isEmpty() && !(builds.size() == 1 && builds.contains(build));
    ChangeSet changes = ChangeSet.between(corpus, indexed, rebuild);
    int documents = corpus.documents().size();
    if (changes.isEmpty()) {
      return new IndexReport(
          IndexReport.Action.REUSED,
          documents,
          size(),
          0,
          List.of(),
          Map.of(),
          corpus.warnings(),
          corpus.skipped());
    }
    if (rebuild) {
      log.info(
          "Solr collection {} was built differently ({}); rebuilding it as {}",
          settings.collection(),
          builds,
          build);
    }
    PipelineRun run = pipeline.run(changes.changed());
    Map<String, Duration> stages = new LinkedHashMap<>(run.stages());
    String batch = UUID.randomUUID().toString();
    List<SolrInputDocument> docs =
        run.passages().stream()
            .map(
                p ->
                    SolrPassages.toSolr(
                        p.passage(), p.vector(), p.documentHash(), build, batch, storesPages))
            .toList();
    long t = System.nanoTime();
    write(changes.changed(), changes.removed(), rebuild, docs);
    stages.put("write", Duration.ofNanos(System.nanoTime() - t));
    size = -1;
    return new IndexReport(
        rebuild || indexed.isEmpty() ? IndexReport.Action.REBUILT : IndexReport.Action.UPDATED,
        documents - run.failed().size(),
        size(),
        docs.size(),
        changes.touched(),
        stages,
        run.warnings(corpus),
        run.skipped(corpus));
  }

  /**
   * Document id → hash and the builds present, from one pivot facet over the committed passages.
   */
  private void readState(Map<String, String> indexed, Set<String> builds)
      throws IOException, SolrServerException {
    SolrQuery q =
        new SolrQuery("*:*").setRows(0).setFacet(true).setFacetLimit(-1).setFacetMinCount(1);
    q.addFacetPivotField(SolrPassages.BUILD + "," + SolrPassages.DOC + "," + SolrPassages.DOC_HASH);
    QueryResponse r = client.query(settings.collection(), q);
    for (PivotField b :
        r.getFacetPivot()
            .get(SolrPassages.BUILD + "," + SolrPassages.DOC + "," + SolrPassages.DOC_HASH)) {
      builds.add(String.valueOf(b.getValue()));
      for (PivotField d : b.getPivot() == null ? List.<PivotField>of() : b.getPivot()) {
        List<PivotField> hashes = d.getPivot() == null ? List.of() : d.getPivot();
        // Two hashes for one document would be a torn write; an empty hash forces it to be redone.
        indexed.put(
            String.valueOf(d.getValue()),
            hashes.size() == 1 ? String.valueOf(hashes.get(0).getValue()) : "");
      }
    }
  }

  private void write(
      List<Document> changed, List<String> removed, boolean rebuild, List<SolrInputDocument> docs)
      throws IOException, SolrServerException {
    UpdateRequest deletes = new UpdateRequest();
    if (rebuild) {
      deletes.deleteByQuery("*:*");
    } else {
      for (Document d : changed) {
        deletes.deleteByQuery("{!term f=" + SolrPassages.DOC + "}" + d.id());
      }
      for (String id : removed) {
        deletes.deleteByQuery("{!term f=" + SolrPassages.DOC + "}" + id);
      }
    }
    String batch = docs.isEmpty() ? null : (String) docs.get(0).getFieldValue(SolrPassages.BATCH);
    try {
      withRetries("delete replaced passages", () -> deletes.process(client, settings.collection()));
      int b = settings.batchSize();
      for (int i = 0; i < docs.size(); i += b) {
        List<SolrInputDocument> slice = docs.subList(i, Math.min(docs.size(), i + b));
        int from = i;
        withRetries(
            "add passages " + from + ".." + (from + slice.size() - 1),
            () -> {
              UpdateRequest add = new UpdateRequest();
              add.add(slice);
              add.process(client, settings.collection());
            });
        progress.progress("write", i + slice.size(), docs.size());
      }
      withRetries("commit", () -> client.commit(settings.collection(), true, true));
    } catch (IOException | SolrServerException | RuntimeException e) {
      withdraw(batch, e);
      throw e;
    }
  }

  // Takes back what a failed run sent, so the commit that follows shows no half-indexed document.
  private void withdraw(String batch, Exception cause) {
    if (batch == null) {
      return;
    }
    try {
      new UpdateRequest()
          .deleteByQuery("{!term f=" + SolrPassages.BATCH + "}" + batch)
          .process(client, settings.collection());
      client.commit(settings.collection(), true, true);
      log.warn(
          "indexing into {} failed; withdrew this run's passages (the changed documents are absent until the next index)",
          settings.collection());
    } catch (IOException | SolrServerException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  interface SolrCall {
    void run() throws IOException, SolrServerException;
  }

  /**
   * Runs {@code call} up to {@link #ATTEMPTS} times while it fails in a way worth retrying ({@link
   * #retryable}), backing off; rethrows the last failure, and any other failure at once.
   */
  static void withRetries(String what, SolrCall call) throws IOException, SolrServerException {
    for (int attempt = 1; ; attempt++) {
      try {
        call.run();
        return;
      } catch (IOException | SolrServerException | RuntimeException e) {
        if (attempt >= ATTEMPTS || !retryable(e)) {
          throw e;
        }
        log.warn(
            "Solr {} failed (attempt {} of {}): {}; retrying",
            what,
            attempt,
            ATTEMPTS,
            SolrConnection.rootMessage(e));
        try {
          Thread.sleep(250L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /**
   * Whether a failure may pass by itself: the network ({@link IOException}), SolrJ failing to talk
   * to a node ({@link SolrServerException}), or Solr answering with a server error (5xx: a replica
   * recovering, a leader being elected). A 4xx is a request Solr will refuse again, and any other
   * exception is a bug; retrying those only delays the report.
   */
  static boolean retryable(Exception e) {
    if (e instanceof IOException || e instanceof SolrServerException) {
      return true;
    }
    return e instanceof SolrException solr && solr.code() >= 500;
  }

  @Override
  public Retriever retriever(SearchSettings search) {
    return new SolrRetriever(client, settings.collection(), queryEmbedder, search);
  }

  @Override
  public int size() {
    long n = size;
    if (n < 0) {
      n = count("*:*");
      size = n;
    }
    return (int) n;
  }

  @Override
  public double idf(String word) {
    return idfCache.computeIfAbsent(
        word,
        w -> {
          long n = size();
          long df = count("{!term f=" + SolrPassages.WORDS + "}" + w);
          return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        });
  }

  private long count(String query) {
    try {
      return client
          .query(settings.collection(), new SolrQuery(query).setRows(0))
          .getResults()
          .getNumFound();
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw new WendaException(
          "cannot count passages in Solr collection "
              + settings.collection()
              + ": "
              + SolrConnection.rootMessage(e),
          e);
    }
  }

  @Override
  public List<Passage> passages() {
    List<Passage> out = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    try {
      while (true) {
        SolrQuery q =
            new SolrQuery("*:*")
                .setRows(500)
                .setFields(SolrPassages.STORED)
                .setSort(SolrPassages.ID, SolrQuery.ORDER.asc);
        q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
        QueryResponse r = client.query(settings.collection(), q);
        for (SolrDocument d : r.getResults()) {
          out.add(SolrPassages.fromSolr(d));
        }
        if (cursor.equals(r.getNextCursorMark())) {
          return out;
        }
        cursor = r.getNextCursorMark();
      }
    } catch (IOException | SolrServerException | RuntimeException e) {
      throw new WendaException(
          "cannot read passages from Solr collection "
              + settings.collection()
              + ": "
              + SolrConnection.rootMessage(e),
          e);
    }
  }

  @Override
  public String location() {
    return "Solr collection " + settings.collection() + " at " + settings.hosts();
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
