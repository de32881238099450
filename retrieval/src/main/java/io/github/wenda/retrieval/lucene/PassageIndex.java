package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.backend.NearDuplicates;
import io.github.wenda.retrieval.backend.SentenceEvidence;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** A read-only view of the index on disk: a searcher and the stored passages. */
final class PassageIndex implements Closeable {
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private PassageIndex(Directory directory, DirectoryReader reader) {
    this.directory = directory;
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  public static PassageIndex open(Path dir) {
    try {
      Directory directory = FSDirectory.open(dir);
      try {
        return new PassageIndex(directory, DirectoryReader.open(directory));
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    } catch (IOException e) {
      throw new WendaException("cannot open the index at " + dir + ": " + e.getMessage(), e);
    }
  }

  public IndexSearcher searcher() {
    return searcher;
  }

  public int size() {
    return reader.numDocs();
  }

  /**
   * BM25's inverse document frequency of a smartcn word: high for rare words, highest for words the
   * corpus lacks. Tells how much a question word says about where the answer is.
   */
  public double idf(String word) {
    try {
      long n = reader.numDocs();
      long df = reader.docFreq(new org.apache.lucene.index.Term(IndexSchema.WORDS, word));
      return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    } catch (IOException e) {
      throw new WendaException("cannot read term statistics from the index: " + e.getMessage(), e);
    }
  }

  /** The passage stored under a Lucene document number. */
  public Passage passage(int luceneDoc) {
    try {
      return IndexSchema.toPassage(searcher.storedFields(), luceneDoc);
    } catch (IOException e) {
      throw new WendaException(
          "cannot read passage " + luceneDoc + " from the index: " + e.getMessage(), e);
    }
  }

  /**
   * Passages read by document number, with their near-duplicate shingles, are kept in a small
   * direct-mapped memo (slot = number modulo its size; a collision replaces): a search reads about
   * ten passages and the near-duplicate check shingles each, about half of a search's work beyond
   * the question's embedding, and the passages a bot is asked about repeat. Valid for the life of
   * this view, whose reader never changes; bounded (a few MB at most) whatever the index's size.
   */
  static final int MEMO_SLOTS = 4096;

  /**
   * A passage as stored, with the shingles {@link NearDuplicates} compares it by and the sentences
   * {@link SentenceEvidence} reads.
   */
  record StoredPassage(int doc, Passage passage, long[] shingles, List<String> sentences) {}

  private final AtomicReferenceArray<StoredPassage> memo = new AtomicReferenceArray<>(MEMO_SLOTS);

  /**
   * A reader of passages by Lucene document number for one search, on one thread: the memo first,
   * else the stored fields, opened once per search (where {@link #passages} opens them for every
   * leaf), and only if some passage is not in the memo.
   */
  public IntFunction<StoredPassage> passageReader() {
    StoredFields[] fields = new StoredFields[1];
    return luceneDoc -> {
      int slot = luceneDoc & (MEMO_SLOTS - 1);
      StoredPassage held = memo.get(slot);
      if (held != null && held.doc() == luceneDoc) {
        return held;
      }
      try {
        if (fields[0] == null) {
          fields[0] = searcher.storedFields();
        }
        Passage p = IndexSchema.toPassage(fields[0], luceneDoc);
        StoredPassage read =
            new StoredPassage(
                luceneDoc, p, NearDuplicates.shingles(p.text()), SentenceEvidence.units(p.text()));
        memo.set(slot, read);
        return read;
      } catch (IOException e) {
        throw new WendaException(
            "cannot read passage " + luceneDoc + " from the index: " + e.getMessage(), e);
      }
    };
  }

  /** The live passages' vectors by document number, read once (see {@link #vectors()}). */
  record Vectors(int[] docs, float[][] values) {}

  private volatile Vectors vectors;

  /**
   * Every live passage's vector, read from the index once and then kept on the heap, for scoring a
   * small index exhaustively (about 2 KB per passage; the caller uses it only up to a bound).
   */
  Vectors vectors() throws IOException {
    Vectors v = vectors;
    if (v == null) {
      synchronized (this) {
        if (vectors == null) {
          vectors = readVectors();
        }
        v = vectors;
      }
    }
    return v;
  }

  private Vectors readVectors() throws IOException {
    List<Integer> docs = new ArrayList<>(reader.numDocs());
    List<float[]> values = new ArrayList<>(reader.numDocs());
    for (LeafReaderContext leaf : reader.leaves()) {
      FloatVectorValues fv = leaf.reader().getFloatVectorValues(IndexSchema.VECTOR);
      if (fv == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int d = fv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = fv.nextDoc()) {
        if (live == null || live.get(d)) {
          docs.add(leaf.docBase + d);
          values.add(fv.vectorValue().clone());
        }
      }
    }
    int[] d = new int[docs.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = docs.get(i);
    }
    return new Vectors(d, values.toArray(new float[0][]));
  }

  /** Every live passage, in index order (for evaluation and listings). */
  public List<Passage> passages() {
    List<Passage> out = new ArrayList<>(reader.numDocs());
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        StoredFields fields = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            out.add(IndexSchema.toPassage(fields, i));
          }
        }
      }
    } catch (IOException e) {
      throw new WendaException("cannot read passages from the index: " + e.getMessage(), e);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }
}
