package io.github.wenda.retrieval.index;

import io.github.wenda.retrieval.WendaException;
import io.github.wenda.retrieval.corpus.Corpus;
import io.github.wenda.retrieval.corpus.Document;
import io.github.wenda.retrieval.pipeline.ChangeSet;
import io.github.wenda.retrieval.pipeline.EmbeddedPassage;
import io.github.wenda.retrieval.pipeline.PassagePipeline;
import io.github.wenda.retrieval.pipeline.PipelineRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
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
 * <p>An index whose manifest matches the corpus is reused untouched. When only some files
 * changed, only their passages are deleted and re-embedded, in one Lucene commit (atomic: a crash
 * leaves the previous commit). When the build settings changed, or the index is missing, corrupt
 * or half-written, it is built from scratch in a sibling folder and swapped in, so the previous
 * index stays usable until the new one is whole.
 */
public final class IndexManager {
  private static final Logger log = LoggerFactory.getLogger(IndexManager.class);
  private static final String COMMIT_ID = "wenda.commit-id";

  private final IndexSettings settings;
  private final Embedder embedder;
  private final PassagePipeline pipeline;

  public IndexManager(IndexSettings settings, Embedder embedder, ProgressListener progress) {
    this.settings = settings;
    this.embedder = embedder;
    this.pipeline = new PassagePipeline(settings.chunk(), embedder, settings.batchSize(), progress);
  }

  /** Brings the index up to date with {@code corpus} and says what it did. */
  public IndexReport refresh(Corpus corpus) {
    Path dir = settings.dir();
    try {
      Files.createDirectories(dir.toAbsolutePath().getParent());
      removeLeftovers(dir);
      Optional<IndexManifest> manifest = readValid(dir);
      if (manifest.isEmpty()) {
        if (Files.exists(dir)) {
          log.warn("index at {} is missing its manifest or is corrupt; rebuilding it from the corpus", dir);
        }
        return rebuild(corpus);
      }
      IndexManifest m = manifest.get();
      if (!m.sameBuild(IndexSchema.PIPELINE_VERSION, embedder.modelId(), settings.fingerprint())) {
        log.info("index settings or pipeline changed; rebuilding {}", dir);
        return rebuild(corpus);
      }
      return update(corpus, m);
    } catch (IOException e) {
      throw new WendaException("cannot write the index at " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Rebuilds from scratch whatever is on disk. */
  public IndexReport rebuild(Corpus corpus) throws IOException {
    Path dir = settings.dir();
    Path building = dir.resolveSibling(dir.getFileName() + ".building-" + UUID.randomUUID());
    PipelineRun run = pipeline.run(corpus.documents());
    Stages stages = new Stages(run.stages());
    Map<String, IndexManifest.DocumentEntry> entries = new LinkedHashMap<>();
    for (Document d : corpus.documents()) {
      entries.put(d.id(), entry(d, run.perDocument().get(d.id())));
    }
    List<EmbeddedPassage> all = run.passages();
    long t = System.nanoTime();
    String commitId = UUID.randomUUID().toString();
    try {
      try (Directory directory = FSDirectory.open(building);
          IndexWriter writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE))) {
        for (EmbeddedPassage p : all) {
          writer.addDocument(IndexSchema.toDocument(p.passage(), p.vector()));
        }
        writer.setLiveCommitData(Map.of(COMMIT_ID, commitId).entrySet());
        writer.commit();
      }
      new IndexManifest(IndexSchema.PIPELINE_VERSION, embedder.modelId(), settings.fingerprint(), entries, commitId)
          .write(building);
      swapIn(building, dir);
    } finally {
      deleteTree(building);
    }
    stages.add("write", t);
    return new IndexReport(
        IndexReport.Action.REBUILT, corpus.documents().size(), all.size(), all.size(),
        corpus.documents().stream().map(Document::id).toList(), stages.map, corpus.warnings());
  }

  private IndexReport update(Corpus corpus, IndexManifest m) throws IOException {
    Map<String, String> stored = new HashMap<>();
    m.documents().forEach((id, e) -> stored.put(id, e.sha256()));
    ChangeSet changes = ChangeSet.between(corpus, stored, false);
    List<Document> changed = changes.changed();
    List<String> removed = changes.removed();
    int documents = corpus.documents().size();
    if (changes.isEmpty()) {
      return new IndexReport(IndexReport.Action.REUSED, documents, m.passageCount(), 0, List.of(), Map.of(), corpus.warnings());
    }
    PipelineRun run = pipeline.run(changed);
    Stages stages = new Stages(run.stages());
    List<EmbeddedPassage> added = run.passages();
    Map<String, IndexManifest.DocumentEntry> entries = new HashMap<>(m.documents());
    removed.forEach(entries::remove);
    for (Document d : changed) {
      entries.put(d.id(), entry(d, run.perDocument().get(d.id())));
    }
    long t = System.nanoTime();
    String commitId = UUID.randomUUID().toString();
    Path dir = settings.dir();
    try (Directory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.APPEND))) {
      for (Document d : changed) {
        writer.deleteDocuments(new Term(IndexSchema.DOC, d.id()));
      }
      for (String id : removed) {
        writer.deleteDocuments(new Term(IndexSchema.DOC, id));
      }
      for (EmbeddedPassage p : added) {
        writer.addDocument(IndexSchema.toDocument(p.passage(), p.vector()));
      }
      writer.setLiveCommitData(Map.of(COMMIT_ID, commitId).entrySet());
      writer.commit();
    }
    IndexManifest next = new IndexManifest(m.pipelineVersion(), m.modelId(), m.settings(), entries, commitId);
    next.write(dir);
    stages.add("write", t);
    return new IndexReport(
        IndexReport.Action.UPDATED, documents, next.passageCount(), added.size(), changes.touched(), stages.map,
        corpus.warnings());
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
      if (!manifest.get().commitId().equals(commitId) || reader.numDocs() != manifest.get().passageCount()) {
        log.warn("index at {} does not match its manifest (interrupted write?)", dir);
        return Optional.empty();
      }
      return manifest;
    } catch (IOException | RuntimeException e) {
      log.warn("index at {} cannot be opened: {}", dir, e.toString());
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
    return c;
  }

  private static void swapIn(Path building, Path dir) throws IOException {
    Path old = dir.resolveSibling(dir.getFileName() + ".old-" + UUID.randomUUID());
    if (Files.exists(dir)) {
      Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(old);
  }

  // Folders left by a build or swap that a crash interrupted.
  private static void removeLeftovers(Path dir) throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    String prefix = dir.getFileName().toString();
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(prefix + ".building-") || name.startsWith(prefix + ".old-")) {
          deleteTree(p);
        }
      }
    }
  }

  static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
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
