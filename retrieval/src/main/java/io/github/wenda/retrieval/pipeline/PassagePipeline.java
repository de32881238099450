package io.github.wenda.retrieval.pipeline;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.api.SkippedFile;
import io.github.wenda.retrieval.chunk.Chunker;
import io.github.wenda.retrieval.corpus.CleanDocument;
import io.github.wenda.retrieval.corpus.DocumentParser;
import io.github.wenda.retrieval.reader.UnreadableDocumentException;
import io.github.wenda.retrieval.text.MatchText;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns documents into stored-ready passages: clean → chunk → embed, the same for every store, so
 * the embedded Lucene index and a SolrCloud collection hold the same passages for the same files.
 * Stores decide what to redo with {@link ChangeSet} and only store and search what this returns.
 *
 * <p>Passage text is display text (the document's own characters); the vector is computed from
 * {@link MatchText#embedded} (the innermost heading, context and text) and the stores index {@link
 * MatchText#indexed} (the whole section path, context and text) for BM25.
 */
public final class PassagePipeline {
  /**
   * Bump whenever cleaning, chunking, match text or the stored fields change, so stores built the
   * old way are rebuilt rather than mixed. 3: display text kept apart from match text; one
   * pipeline. 4: a reader per format, block chunking, pages. 5: HTML layout tables (admonitions)
   * read as prose. 6: a sentence ending in a colon kept with the code it introduces. 7: HTML table
   * captions with their rows. 8: PDF rows with a wrapped first cell. 9: PDF footnotes as footnotes,
   * CJK-Latin spacing from glyph gaps, table rows from glyph positions. 10: a long word overflowing
   * its PDF table cell stays in it. 11: match context (a table's caption and header row, a list's
   * introduction); PDF numbered list items in the body's font are no headings, and a bulleted line
   * is no code. 12: passages embedded with their innermost heading instead of the whole section
   * path.
   */
  public static final int VERSION = 12;

  private static final Logger log = LoggerFactory.getLogger(PassagePipeline.class);

  private final DocumentParser parser;
  private final ChunkSettings chunk;
  private final Embedder embedder;
  private final int batchSize;
  private final ProgressListener progress;

  public PassagePipeline(
      ChunkSettings chunk, Embedder embedder, int batchSize, ProgressListener progress) {
    this.chunk = Objects.requireNonNull(chunk, "chunk");
    this.embedder = Objects.requireNonNull(embedder, "embedder");
    this.progress = Objects.requireNonNull(progress, "progress");
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "embedding.batch-size must be at least 1, but is: " + batchSize);
    }
    this.batchSize = batchSize;
    this.parser =
        new DocumentParser((file, done, total) -> progress.progress("pages", done, total));
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
   * cannot read (broken, encrypted, no text) is left out with the reason in {@link
   * PipelineRun#failed()}.
   */
  public PipelineRun run(List<Document> documents) {
    // Documents come here because they changed, so their passages are (mostly) new: the model
    // loads on another core while they are read and cleaned, not after.
    if (!documents.isEmpty()) {
      embedder.prepareForPassages();
    }
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
    clean.forEach(
        (d, c) -> {
          List<Passage> ps = chunker.chunk(d.id(), d.title(), c);
          all.addAll(ps);
          ps.forEach(p -> hashes.add(d.sha256()));
          perDocument.put(d.id(), ps.size());
        });
    t = lap(stages, "chunk", t);
    List<EmbeddedPassage> out = embed(all, hashes);
    lap(stages, "embed", t);
    return new PipelineRun(out, perDocument, stages, failed);
  }

  /**
   * Batches handed to the embedder at once: the next one starts while the last texts of one finish.
   */
  private static final int BATCHES_IN_FLIGHT = 2;

  // One batch at a time left a core idle at the end of every batch, while the last text of the
  // batch ran on the other; with the next batch already handed over, the embedder's workers go
  // straight on to it. Bounded: at most BATCHES_IN_FLIGHT batches of texts and vectors wait.
  // A text that occurs more than once (a repeated heading, a notice on every page) is embedded
  // once.
  private List<EmbeddedPassage> embed(List<Passage> all, List<String> hashes) {
    Map<String, Integer> slots = new LinkedHashMap<>();
    int[] slotOf = new int[all.size()];
    for (int i = 0; i < all.size(); i++) {
      slotOf[i] = slots.computeIfAbsent(MatchText.embedded(all.get(i)), text -> slots.size());
    }
    List<String> texts = new ArrayList<>(slots.keySet());
    List<float[]> vectors = new ArrayList<>(texts.size());
    progress.progress("embed", 0, texts.size());
    ExecutorService callers =
        Executors.newFixedThreadPool(
            BATCHES_IN_FLIGHT,
            r -> {
              Thread th = new Thread(r, "wenda-embed-batch");
              th.setDaemon(true);
              return th;
            });
    Deque<Future<List<float[]>>> inFlight = new ArrayDeque<>();
    try {
      int next = 0;
      while (vectors.size() < texts.size()) {
        while (next < texts.size() && inFlight.size() < BATCHES_IN_FLIGHT) {
          List<String> batch = texts.subList(next, Math.min(texts.size(), next + batchSize));
          inFlight.add(callers.submit(() -> embedder.embed(batch)));
          next += batch.size();
        }
        int expected = Math.min(batchSize, texts.size() - vectors.size());
        List<float[]> batchVectors = result(inFlight.removeFirst());
        if (batchVectors.size() != expected) {
          throw new IllegalStateException(
              "embedder "
                  + embedder.modelId()
                  + " returned "
                  + batchVectors.size()
                  + " vectors for "
                  + expected
                  + " passages");
        }
        vectors.addAll(batchVectors);
        progress.progress("embed", vectors.size(), texts.size());
      }
    } finally {
      // After a failure the other batch may still run; its result is not wanted.
      inFlight.forEach(f -> f.cancel(true));
      callers.shutdownNow();
    }
    List<EmbeddedPassage> out = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      out.add(new EmbeddedPassage(all.get(i), vectors.get(slotOf[i]), hashes.get(i)));
    }
    return out;
  }

  /** A batch's vectors; the embedder's own exception as thrown. */
  private static List<float[]> result(Future<List<float[]>> batch) {
    try {
      return batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding passages", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("embedding passages failed: " + c, c);
    }
  }

  private static long lap(Map<String, Duration> stages, String stage, long since) {
    long now = System.nanoTime();
    stages.merge(stage, Duration.ofNanos(now - since), Duration::plus);
    return now;
  }
}
