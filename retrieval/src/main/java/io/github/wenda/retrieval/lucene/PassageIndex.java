package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.WendaException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
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
   * A reader of passages by Lucene document number for one search, on one thread: it opens the
   * stored fields once, where {@link #passage} opens them (one clone per segment) for every
   * passage.
   */
  public java.util.function.IntFunction<Passage> passageReader() {
    StoredFields fields;
    try {
      fields = searcher.storedFields();
    } catch (IOException e) {
      throw new WendaException("cannot read stored passages from the index: " + e.getMessage(), e);
    }
    return luceneDoc -> {
      try {
        return IndexSchema.toPassage(fields, luceneDoc);
      } catch (IOException e) {
        throw new WendaException(
            "cannot read passage " + luceneDoc + " from the index: " + e.getMessage(), e);
      }
    };
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
