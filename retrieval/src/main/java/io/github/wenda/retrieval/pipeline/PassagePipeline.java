package io.github.wenda.retrieval.pipeline;

import io.github.wenda.retrieval.text.MatchText;
import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.chunk.Chunker;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.corpus.CleanDocument;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.corpus.DocumentParser;
import io.github.wenda.retrieval.api.SkippedFile;
import io.github.wenda.retrieval.reader.UnreadableDocumentException;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns documents into stored-ready passages: clean → chunk → embed, the same for every store, so
 * the embedded Lucene index and a SolrCloud collection hold the same passages for the same files.
 * Stores decide what to redo with {@link ChangeSet} and only store and search what this returns.
 *
 * <p>Passage text is display text (the document's own characters); the vector is computed from
 * {@link MatchText#indexed}, which is also what the stores index for BM25.
 */
public final class PassagePipeline {
  /**
   * Bump whenever cleaning, chunking, match text or the stored fields change, so stores built the
   * old way are rebuilt rather than mixed. 3: display text kept apart from match text; one pipeline.
   * 4: a reader per format, block chunking, pages. 5: HTML layout tables (admonitions) read as prose.
   * 6: a sentence ending in a colon kept with the code it introduces. 7: HTML table captions with their rows.
   * 8: PDF rows with a wrapped first cell. 9: PDF footnotes as footnotes, CJK-Latin spacing from glyph gaps,
   * table rows from glyph positions. 10: a long word overflowing its PDF table cell stays in it.
   */
  public static final int VERSION = 10;

  private static final Logger log = LoggerFactory.getLogger(PassagePipeline.class);

  private final DocumentParser parser;
  private final ChunkSettings chunk;
  private final Embedder embedder;
  private final int batchSize;
  private final ProgressListener progress;

  public PassagePipeline(ChunkSettings chunk, Embedder embedder, int batchSize, ProgressListener progress) {
    this.chunk = Objects.requireNonNull(chunk, "chunk");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.progress = Objects.requireNonNull(progress, "progress");
    if (batchSize < 1) {
      throw new IllegalArgumentException("embedding.batch-size must be at least 1, but is: " + batchSize);
    }
    this.batchSize = batchSize;
    this.parser = new DocumentParser((file, done, total) -> progress.progress("pages", done, total));
  }

  /** The embedding model's id, recorded by stores so a model change means a rebuild. */
  public String modelId() {
    return embedder.modelId();
  }

  /**
   * Reads, cleans and chunks one document: its passages, in order, with display text.
   *
   * @throws UnreadableDocumentException naming the file and why, when its reader cannot read it
   */
  public List<Passage> passages(Document d) {
    return new Chunker(chunk).chunk(d.id(), d.title(), parser.parse(d));
  }

  /**
   * Reads, cleans, chunks and embeds {@code documents}, reporting progress. A document its reader
   * cannot read (broken, encrypted, no text) is left out with the reason in {@link PipelineRun#failed()}.
   */
  public PipelineRun run(List<Document> documents) {
    Map<String, Duration> stages = new LinkedHashMap<>();
    long t = System.nanoTime();
    Map<Document, CleanDocument> clean = new LinkedHashMap<>();
    List<SkippedFile> failed = new ArrayList<>();
    for (Document d : documents) {
      try {
        clean.put(d, parser.parse(d));
      } catch (UnreadableDocumentException e) {
        failed.add(new SkippedFile(d.file(), d.format().label(), e.reason()));
        log.warn("skipping {}: {}", d.file(), e.reason());
      }
    }
    t = lap(stages, "clean", t);
    Chunker chunker = new Chunker(chunk);
    List<Passage> all = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    Map<String, Integer> perDocument = new LinkedHashMap<>();
    clean.forEach((d, c) -> {
      List<Passage> ps = chunker.chunk(d.id(), d.title(), c);
      all.addAll(ps);
      ps.forEach(p -> hashes.add(d.sha256()));
      perDocument.put(d.id(), ps.size());
    });
    t = lap(stages, "chunk", t);
    List<EmbeddedPassage> out = new ArrayList<>(all.size());
    progress.progress("embed", 0, all.size());
    for (int i = 0; i < all.size(); i += batchSize) {
      List<Passage> slice = all.subList(i, Math.min(all.size(), i + batchSize));
      List<float[]> vectors = embedder.embed(slice.stream().map(MatchText::indexed).toList());
      if (vectors.size() != slice.size()) {
        throw new IllegalStateException("embedder " + embedder.modelId() + " returned " + vectors.size()
            + " vectors for " + slice.size() + " passages");
      }
      for (int j = 0; j < slice.size(); j++) {
        out.add(new EmbeddedPassage(slice.get(j), vectors.get(j), hashes.get(i + j)));
      }
      progress.progress("embed", out.size(), all.size());
    }
    lap(stages, "embed", t);
    return new PipelineRun(out, perDocument, stages, failed);
  }

  private static long lap(Map<String, Duration> stages, String stage, long since) {
    long now = System.nanoTime();
    stages.merge(stage, Duration.ofNanos(now - since), Duration::plus);
    return now;
  }
}
