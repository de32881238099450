package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.IndexSettings;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.files.PrivateFiles;
import io.github.wenda.retrieval.pipeline.ChangeSet;
import io.github.wenda.retrieval.pipeline.EmbeddedPassage;
import io.github.wenda.retrieval.pipeline.PassagePipeline;
import io.github.wenda.retrieval.pipeline.PipelineRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the on-disk index in step with the corpus.
 *
 * <p>An index whose manifest matches the corpus is reused untouched. When only some files changed,
 * only their passages are deleted and re-embedded, in one Lucene commit (atomic: a crash leaves the
 * previous commit). When the build settings changed, or the index is missing, corrupt or
 * half-written, it is built from scratch in a sibling folder and swapped in, so the previous index
 * stays usable until the new one is whole.
 *
 * <p>Every write goes to a sibling folder that is verified and then swapped in (an update starts
 * from hard links to the current files), so a write that fails half-way (disk full, a crash) leaves
 * the serving folder as it was. What {@code index.dir} names is checked first: a file or a folder
 * Wenda did not make is refused, never rebuilt over ({@link IndexFolder}); files whose checksums
 * fail are rebuilt ({@link IndexIntegrity}); and one process at a time writes ({@link IndexLock}).
 */
final class IndexManager {
  private static final Logger log = LoggerFactory.getLogger(IndexManager.class);
  private static final String COMMIT_ID = "wenda.commit-id";

  private final IndexSettings settings;
  private final Embedder embedder;
  private final Directories directories;
  private final PassagePipeline pipeline;

  /** Opens the Lucene directory an index is written to; a seam for tests that fail writes. */
  interface Directories {
    Directory open(Path dir) throws IOException;
  }

  public IndexManager(IndexSettings settings, Embedder embedder, ProgressListener progress) {
    this(settings, embedder, progress, FSDirectory::open);
  }

  IndexManager(
      IndexSettings settings,
      Embedder embedder,
      ProgressListener progress,
      Directories directories) {
    this.settings = settings;
    this.embedder = embedder;
    this.directories = directories;
    this.pipeline = new PassagePipeline(settings.chunk(), embedder, settings.batchSize(), progress);
  }

  /**
   * Takes the inter-process lock of this index (re-entrant), waiting up to {@code
   * index.lock-wait-seconds}.
   */
  public IndexLock lock() {
    return IndexLock.acquire(settings.dir(), settings.lockWait());
  }

  /** Brings the index up to date with {@code corpus} and says what it did. */
  @SuppressWarnings("try") // a lock or watch held for the scope, never named in it
  public IndexReport refresh(Corpus corpus) {
    Path dir = settings.dir();
    IndexFolder folder = new IndexFolder(dir);
    folder.claim();
    try {
      folder.createParent();
      try (IndexLock held = lock()) {
        folder.claim(); // again: another process may have changed it while this one waited
        folder.removeLeftovers();
        Optional<IndexManifest> manifest = readValid(dir);
        if (manifest.isEmpty()) {
          if (Files.exists(dir)) {
            log.warn(
                "index at {} is missing its manifest or is corrupt; rebuilding it from the corpus",
                dir);
          }
          return rebuild(corpus, folder);
        }
        folder.markIfUnmarked();
        IndexManifest m = manifest.get();
        if (!m.sameBuild(
            IndexSchema.PIPELINE_VERSION, embedder.modelId(), settings.fingerprint())) {
          log.info("index settings or pipeline changed; rebuilding {}", dir);
          return rebuild(corpus, folder);
        }
        return update(corpus, m);
      }
    } catch (IOException e) {
      throw new WendaException("cannot write the index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rebuilds from scratch whatever is on disk (if it is Wenda's: see {@link IndexFolder#claim()}).
   */
  @SuppressWarnings("try") // a lock or watch held for the scope, never named in it
  public IndexReport rebuild(Corpus corpus) throws IOException {
    IndexFolder folder = new IndexFolder(settings.dir());
    folder.claim();
    folder.createParent();
    try (IndexLock held = lock()) {
      return rebuild(corpus, folder);
    }
  }

  private IndexReport rebuild(Corpus corpus, IndexFolder folder) throws IOException {
    PipelineRun run = pipeline.run(corpus.documents());
    Stages stages = new Stages(run.stages());
    Map<String, IndexManifest.DocumentEntry> entries = new LinkedHashMap<>();
    for (Document d : corpus.documents()) {
      Integer made = run.perDocument().get(d.id());
      if (made
          != null) { // unreadable ones stay out of the manifest, so they are tried again next time
        entries.put(d.id(), entry(d, made));
      }
    }
    List<EmbeddedPassage> all = run.passages();
    long t = System.nanoTime();
    String commitId = UUID.randomUUID().toString();
    Path building = folder.newBuilding();
    try {
      write(
          building,
          IndexWriterConfig.OpenMode.CREATE,
          writer -> {
            for (EmbeddedPassage p : all) {
              writer.addDocument(IndexSchema.toDocument(p.passage(), p.vector()));
            }
          },
          commitId);
      new IndexManifest(
              IndexSchema.PIPELINE_VERSION,
              embedder.modelId(),
              settings.fingerprint(),
              entries,
              commitId)
          .write(building);
      sealAndSwap(building, folder);
    } finally {
      IndexFolder.deleteIfWendas(building);
    }
    stages.add("write", t);
    return new IndexReport(
        IndexReport.Action.REBUILT,
        entries.size(),
        all.size(),
        all.size(),
        List.copyOf(entries.keySet()),
        stages.map,
        run.warnings(corpus),
        run.skipped(corpus));
  }

  private IndexReport update(Corpus corpus, IndexManifest m) throws IOException {
    Map<String, String> stored = new HashMap<>();
    m.documents().forEach((id, e) -> stored.put(id, e.sha256()));
    ChangeSet changes = ChangeSet.between(corpus, stored, false);
    List<Document> changed = changes.changed();
    List<String> removed = changes.removed();
    int documents = corpus.documents().size();
    if (changes.isEmpty()) {
      return new IndexReport(
          IndexReport.Action.REUSED,
          documents,
          m.passageCount(),
          0,
          List.of(),
          Map.of(),
          corpus.warnings(),
          corpus.skipped());
    }
    PipelineRun run = pipeline.run(changed);
    Stages stages = new Stages(run.stages());
    if (removed.isEmpty()
        && run.passages().isEmpty()
        && changed.stream().noneMatch(d -> m.documents().containsKey(d.id()))) {
      // Only files that failed before and fail again: nothing to write.
      return new IndexReport(
          IndexReport.Action.REUSED,
          m.documents().size(),
          m.passageCount(),
          0,
          List.of(),
          stages.map,
          run.warnings(corpus),
          run.skipped(corpus));
    }
    List<EmbeddedPassage> added = run.passages();
    Map<String, IndexManifest.DocumentEntry> entries = new HashMap<>(m.documents());
    removed.forEach(entries::remove);
    for (Document d : changed) {
      Integer made = run.perDocument().get(d.id());
      if (made == null) {
        entries.remove(
            d.id()); // unreadable now: its old passages go, and it is tried again next time
      } else {
        entries.put(d.id(), entry(d, made));
      }
    }
    long t = System.nanoTime();
    String commitId = UUID.randomUUID().toString();
    IndexFolder folder = new IndexFolder(settings.dir());
    IndexManifest next =
        new IndexManifest(m.pipelineVersion(), m.modelId(), m.settings(), entries, commitId);
    Path staging = folder.stageCopy();
    try {
      write(
          staging,
          IndexWriterConfig.OpenMode.APPEND,
          writer -> {
            for (Document d : changed) {
              writer.deleteDocuments(new Term(IndexSchema.DOC, d.id()));
            }
            for (String id : removed) {
              writer.deleteDocuments(new Term(IndexSchema.DOC, id));
            }
            for (EmbeddedPassage p : added) {
              writer.addDocument(IndexSchema.toDocument(p.passage(), p.vector()));
            }
          },
          commitId);
      next.write(staging);
      sealAndSwap(staging, folder);
    } finally {
      IndexFolder.deleteIfWendas(staging);
    }
    stages.add("write", t);
    return new IndexReport(
        IndexReport.Action.UPDATED,
        entries.size(),
        next.passageCount(),
        added.size(),
        changes.touched(),
        stages.map,
        run.warnings(corpus),
        run.skipped(corpus));
  }

  /** What an index write does with the writer; may throw as Lucene's methods do. */
  private interface Writes {
    void apply(IndexWriter writer) throws IOException;
  }

  /**
   * Writes one commit into {@code dir}. A failure rolls the writer back (closing would commit what
   * was added so far) and propagates; the folder is a sibling and is deleted by the caller.
   */
  private void write(Path dir, IndexWriterConfig.OpenMode mode, Writes writes, String commitId)
      throws IOException {
    try (Directory directory = directories.open(dir)) {
      IndexWriterConfig config = writerConfig(mode);
      config.setCommitOnClose(false);
      IndexWriter writer = new IndexWriter(directory, config);
      try {
        writes.apply(writer);
        writer.setLiveCommitData(Map.of(COMMIT_ID, commitId).entrySet());
        writer.commit();
        writer.close();
      } catch (IOException | RuntimeException e) {
        try {
          writer.rollback();
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        if (e instanceof IOException io) {
          throw io;
        }
        // e.g. "this writer hit an unrecoverable error": the reason (disk full) is in the cause
        throw new IOException(e.getMessage() + rootReason(e), e);
      }
    }
  }

  private static String rootReason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? "" : " (" + root.getMessage() + ")";
  }

  /** Restricts, verifies and records a finished index in {@code building}, then swaps it in. */
  private static void sealAndSwap(Path building, IndexFolder folder) throws IOException {
    PrivateFiles.restrictTree(building);
    IndexIntegrity.verifyAndRecord(
        building); // a disk that garbles what was just written fails here, not in a search
    folder.swapIn(building);
  }

  /** The manifest if the index beside it opens and agrees with it; empty means "rebuild". */
  private Optional<IndexManifest> readValid(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Optional<IndexManifest> manifest = IndexManifest.read(dir);
    if (manifest.isEmpty()) {
      return Optional.empty();
    }
    try (Directory directory = FSDirectory.open(dir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      String commitId = reader.getIndexCommit().getUserData().get(COMMIT_ID);
      if (!manifest.get().commitId().equals(commitId)
          || reader.numDocs() != manifest.get().passageCount()) {
        log.warn("index at {} does not match its manifest (interrupted write?)", dir);
        return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("index at {} cannot be opened: {}", dir, e.toString());
      return Optional.empty();
    }
    try {
      IndexIntegrity.ensureVerified(dir);
      return manifest;
    } catch (IOException | RuntimeException e) {
      log.warn("index at {} is damaged ({}); rebuilding it from the corpus", dir, e.getMessage());
      return Optional.empty();
    }
  }

  private static IndexManifest.DocumentEntry entry(Document d, int passages) {
    return new IndexManifest.DocumentEntry(d.path().getFileName().toString(), d.sha256(), passages);
  }

  private static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
    IndexWriterConfig c = new IndexWriterConfig(IndexSchema.analyzer());
    c.setOpenMode(mode);
    c.setRAMBufferSizeMB(64);
    // A merge that fails (disk full) is recorded by the writer and fails the commit with its
    // reason;
    // the default would also print it from the merge thread as an uncaught exception.
    c.setMergeScheduler(
        new ConcurrentMergeScheduler() {
          @Override
          protected void handleMergeException(Throwable exc) {
            log.debug("index merge failed: {}", exc.toString());
          }
        });
    return c;
  }

  /** Stage timings in the order they ran. */
  private static final class Stages {
    final Map<String, Duration> map;

    Stages(Map<String, Duration> before) {
      map = new LinkedHashMap<>(before);
    }

    void add(String stage, long startNanos) {
      map.merge(stage, Duration.ofNanos(System.nanoTime() - startNanos), Duration::plus);
    }
  }
}
