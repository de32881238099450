package io.github.wenda.retrieval.index;

import io.github.wenda.retrieval.WendaException;
import io.github.wenda.retrieval.chunk.Chunker;
import io.github.wenda.retrieval.chunk.Passage;
import io.github.wenda.retrieval.corpus.CleanDocument;
import io.github.wenda.retrieval.corpus.Corpus;
import io.github.wenda.retrieval.corpus.Document;
import io.github.wenda.retrieval.corpus.DocumentParser;
import io.github.wenda.retrieval.corpus.SkippedFile;
import io.github.wenda.retrieval.reader.UnreadableDocumentException;
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
  private final ProgressListener progress;
  private final DocumentParser parser;

  public IndexManager(IndexSettings settings, Embedder embedder, ProgressListener progress) {
    this.settings = settings;
    this.embedder = embedder;
    this.progress = progress;
    this.parser = new DocumentParser((file, done, total) -> progress.progress("pages", done, total));
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
    Stages stages = new Stages();
    List<SkippedFile> failed = new ArrayList<>();
    Map<String, List<Passage>> passages = passagesOf(corpus.documents(), stages, failed);
    Map<String, IndexManifest.DocumentEntry> entries = new LinkedHashMap<>();
    List<Passage> all = new ArrayList<>();
    for (Document d : corpus.documents()) {
      List<Passage> ps = passages.get(d.id());
      if (ps == null) {
        continue; // unreadable: left out of the manifest, so it is tried again next time
      }
      entries.put(d.id(), entry(d, ps.size()));
      all.addAll(ps);
    }
    List<float[]> vectors = embed(all, stages);
    long t = System.nanoTime();
    String commitId = UUID.randomUUID().toString();
    try {
      try (Directory directory = FSDirectory.open(building);
          IndexWriter writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE))) {
        for (int i = 0; i < all.size(); i++) {
          writer.addDocument(IndexSchema.toDocument(all.get(i), vectors.get(i)));
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
        IndexReport.Action.REBUILT, entries.size(), all.size(), all.size(),
        List.copyOf(entries.keySet()), stages.map, warnings(corpus, failed), skipped(corpus, failed));
  }

  private IndexReport update(Corpus corpus, IndexManifest m) throws IOException {
    Map<String, Document> current = new LinkedHashMap<>();
    corpus.documents().forEach(d -> current.put(d.id(), d));
    List<Document> changed = new ArrayList<>();
    for (Document d : corpus.documents()) {
      IndexManifest.DocumentEntry e = m.documents().get(d.id());
      if (e == null || !e.sha256().equals(d.sha256())) {
        changed.add(d);
      }
    }
    List<String> removed = m.documents().keySet().stream().filter(id -> !current.containsKey(id)).toList();
    int total = m.passageCount();
    if (changed.isEmpty() && removed.isEmpty()) {
      return new IndexReport(IndexReport.Action.REUSED, current.size(), total, 0, List.of(), Map.of(), corpus.warnings(),
          corpus.skipped());
    }
    Stages stages = new Stages();
    List<SkippedFile> failed = new ArrayList<>();
    Map<String, List<Passage>> passages = passagesOf(changed, stages, failed);
    if (removed.isEmpty() && passages.isEmpty() && changed.stream().noneMatch(d -> m.documents().containsKey(d.id()))) {
      // Only files that failed before and fail again: nothing to write.
      return new IndexReport(IndexReport.Action.REUSED, m.documents().size(), total, 0, List.of(), stages.map,
          warnings(corpus, failed), skipped(corpus, failed));
    }
    List<Passage> added = new ArrayList<>();
    Map<String, IndexManifest.DocumentEntry> entries = new HashMap<>(m.documents());
    removed.forEach(entries::remove);
    for (Document d : changed) {
      List<Passage> ps = passages.get(d.id());
      if (ps == null) {
        entries.remove(d.id()); // unreadable now: its old passages go, and it is tried again next time
        continue;
      }
      added.addAll(ps);
      entries.put(d.id(), entry(d, ps.size()));
    }
    List<float[]> vectors = embed(added, stages);
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
      for (int i = 0; i < added.size(); i++) {
        writer.addDocument(IndexSchema.toDocument(added.get(i), vectors.get(i)));
      }
      writer.setLiveCommitData(Map.of(COMMIT_ID, commitId).entrySet());
      writer.commit();
    }
    IndexManifest next = new IndexManifest(m.pipelineVersion(), m.modelId(), m.settings(), entries, commitId);
    next.write(dir);
    stages.add("write", t);
    List<String> touched = new ArrayList<>(changed.stream().map(Document::id).toList());
    touched.addAll(removed);
    return new IndexReport(
        IndexReport.Action.UPDATED, entries.size(), next.passageCount(), added.size(), touched, stages.map,
        warnings(corpus, failed), skipped(corpus, failed));
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

  /** Passages per readable document; unreadable ones are left out and added to {@code failed}. */
  private Map<String, List<Passage>> passagesOf(List<Document> docs, Stages stages, List<SkippedFile> failed) {
    long t = System.nanoTime();
    Map<String, CleanDocument> clean = new LinkedHashMap<>();
    for (Document d : docs) {
      try {
        clean.put(d.id(), parser.parse(d));
      } catch (UnreadableDocumentException e) {
        failed.add(new SkippedFile(d.file(), d.format().label(), e.reason()));
        log.warn("skipping {}: {}", d.file(), e.reason());
      }
    }
    stages.add("clean", t);
    t = System.nanoTime();
    Chunker chunker = new Chunker(settings.chunk());
    Map<String, List<Passage>> out = new LinkedHashMap<>();
    for (Document d : docs) {
      if (clean.containsKey(d.id())) {
        out.put(d.id(), chunker.chunk(d.id(), d.title(), clean.get(d.id())));
      }
    }
    stages.add("chunk", t);
    return out;
  }

  private static List<String> warnings(Corpus corpus, List<SkippedFile> failed) {
    List<String> out = new ArrayList<>(corpus.warnings());
    failed.forEach(f -> out.add("skipping " + f));
    return out;
  }

  private static List<SkippedFile> skipped(Corpus corpus, List<SkippedFile> failed) {
    List<SkippedFile> out = new ArrayList<>(corpus.skipped());
    out.addAll(failed);
    return out;
  }

  private List<float[]> embed(List<Passage> passages, Stages stages) {
    long t = System.nanoTime();
    List<float[]> out = new ArrayList<>(passages.size());
    int batch = settings.batchSize();
    progress.progress("embed", 0, passages.size());
    for (int i = 0; i < passages.size(); i += batch) {
      List<String> texts = passages.subList(i, Math.min(passages.size(), i + batch)).stream()
          .map(IndexManager::embeddingText)
          .toList();
      out.addAll(embedder.embed(texts));
      progress.progress("embed", out.size(), passages.size());
    }
    stages.add("embed", t);
    return out;
  }

  /** The text embedded for a passage: the section heading gives the dense model its topic, as for BM25. */
  public static String embeddingText(Passage p) {
    return p.section().isEmpty() ? p.text() : p.section() + "\n" + p.text();
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

  /** The text BM25 indexes for a passage: section heading and text, as the embedded index does. */
  public static String searchableText(Passage p) {
    return p.section().isEmpty() ? p.text() : p.section() + "\n" + p.text();
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
    final Map<String, Duration> map = new LinkedHashMap<>();

    void add(String stage, long startNanos) {
      map.merge(stage, Duration.ofNanos(System.nanoTime() - startNanos), Duration::plus);
    }
  }
}
