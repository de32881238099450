package io.github.wenda.retrieval.eval;

import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.Query;
import io.github.wenda.retrieval.api.Retriever;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The plain baseline Wenda's retrieval is compared against (issue #10 item 10): every file's text
 * as its library gives it ({@link PlainText}), whitespace runs collapsed to one space, cut into
 * fixed windows of {@code windowChars} characters every {@code stepChars} characters regardless of
 * words or sentences, and searched with Lucene's BM25 over character bigrams (StandardTokenizer,
 * CJK width folding, lower case, CJKBigramFilter; no stop words, no question-word removal). Held in
 * memory; built fresh for each evaluation.
 */
public final class FixedWindowBm25Baseline implements Retriever, AutoCloseable {
  public static final int DEFAULT_WINDOW_CHARS = 300;
  private static final String TEXT = "text";
  private static final String ORDINAL = "n";

  /** Lucene's default clause limit is 1024; a longer question keeps its first distinct bigrams. */
  private static final int MAX_QUERY_TERMS = 1000;

  private final Analyzer analyzer = bigramAnalyzer();
  private final ByteBuffersDirectory dir = new ByteBuffersDirectory();
  private final List<Passage> windows;
  private final Map<String, Integer> filesPerFormat;
  private final List<Path> skipped;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private FixedWindowBm25Baseline(
      List<Passage> windows, Map<String, Integer> filesPerFormat, List<Path> skipped) {
    this.windows = List.copyOf(windows);
    // Sorted by format, so the summary line reads the same on every run.
    this.filesPerFormat = Collections.unmodifiableMap(new TreeMap<>(filesPerFormat));
    this.skipped = List.copyOf(skipped);
    try {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
        for (Passage p : this.windows) {
          Document d = new Document();
          d.add(new TextField(TEXT, p.text(), Field.Store.NO));
          d.add(new StoredField(ORDINAL, p.ordinal()));
          w.addDocument(d);
        }
      }
      reader = DirectoryReader.open(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory baseline index failed", e);
    }
    searcher = new IndexSearcher(reader);
  }

  /**
   * Reads every .html/.htm/.pdf/.txt/.md file under {@code corpusDir} (others are listed as
   * skipped) and indexes its windows.
   *
   * @throws WendaException naming the folder or the file that cannot be read
   */
  public static FixedWindowBm25Baseline build(Path corpusDir, int windowChars, int stepChars) {
    checkSizes(windowChars, stepChars);
    if (!Files.isDirectory(corpusDir)) {
      throw new WendaException("baseline corpus folder not found: " + corpusDir);
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpusDir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new WendaException(
          "cannot list baseline corpus folder " + corpusDir + ": " + e.getMessage(), e);
    }
    TextNormalizer cleaner = new TextNormalizer();
    List<Passage> windows = new ArrayList<>();
    Map<String, Integer> perFormat = new TreeMap<>();
    List<Path> skipped = new ArrayList<>();
    for (Path f : files) {
      var format = PlainText.format(f);
      if (format.isEmpty()) {
        skipped.add(corpusDir.relativize(f));
        continue;
      }
      perFormat.merge(format.get(), 1, Integer::sum);
      String docId = corpusDir.relativize(f).toString().replace('\\', '/');
      addWindows(docId, PlainText.of(f), windowChars, stepChars, cleaner, windows);
    }
    return new FixedWindowBm25Baseline(windows, perFormat, skipped);
  }

  /**
   * The baseline over given texts (document id to text), for tests and callers with text in hand.
   */
  public static FixedWindowBm25Baseline of(
      Map<String, String> texts, int windowChars, int stepChars) {
    checkSizes(windowChars, stepChars);
    TextNormalizer cleaner = new TextNormalizer();
    List<Passage> windows = new ArrayList<>();
    new LinkedHashMap<>(texts)
        .forEach((id, text) -> addWindows(id, text, windowChars, stepChars, cleaner, windows));
    return new FixedWindowBm25Baseline(windows, Map.of("txt", texts.size()), List.of());
  }

  private static void checkSizes(int windowChars, int stepChars) {
    if (windowChars < 10 || windowChars > 10_000) {
      throw new IllegalArgumentException(
          "baseline window must be 10..10000 characters, but is: " + windowChars);
    }
    if (stepChars < 1 || stepChars > windowChars) {
      throw new IllegalArgumentException(
          "baseline step must be 1.." + windowChars + " characters, but is: " + stepChars);
    }
  }

  /**
   * Cuts one text into windows. The passage text is the window normalised like Wenda's passages
   * (width, Traditional to Simplified), so {@link Relevance} judges both on the same footing; the
   * index gets the window as extracted.
   */
  static void addWindows(
      String docId,
      String raw,
      int windowChars,
      int stepChars,
      TextNormalizer cleaner,
      List<Passage> out) {
    String text = raw.replaceAll("\\s+", " ").strip();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(text.length(), start + windowChars);
      // Never cut a surrogate pair in two (CJK Extension B and emoji are two chars each).
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end++;
      }
      String window = text.substring(start, end);
      out.add(
          new Passage(
              docId,
              docId,
              "",
              SegmentKind.BODY,
              out.size(),
              start,
              end,
              cleaner.normalize(window)));
      if (end == text.length()) {
        break;
      }
      int next = start + stepChars;
      if (Character.isLowSurrogate(text.charAt(next))) {
        next++;
      }
      start = next;
    }
  }

  /** Every window, in corpus order; a window's ordinal is its place in this list. */
  public List<Passage> passages() {
    return windows;
  }

  /** Files read, by format (html, pdf, txt), in that order. */
  public Map<String, Integer> filesPerFormat() {
    return filesPerFormat;
  }

  /** Files under the corpus folder that no format reads, relative to it. */
  public List<Path> skipped() {
    return skipped;
  }

  /** The top {@code query.k()} windows by BM25; the query's mode is ignored (there is one list). */
  @Override
  public List<Hit> search(Query query) {
    Set<String> terms = bigrams(query.text());
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String t : terms) {
      b.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
    }
    try {
      ScoreDoc[] top = searcher.search(b.build(), query.k()).scoreDocs;
      List<Hit> hits = new ArrayList<>(top.length);
      var stored = searcher.storedFields();
      for (ScoreDoc sd : top) {
        int ordinal = stored.document(sd.doc).getField(ORDINAL).numericValue().intValue();
        int rank = hits.size() + 1;
        hits.add(
            new Hit(rank, windows.get(ordinal), new ScoreDetails(rank, sd.score, 0, 0, sd.score)));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory baseline search failed", e);
    }
  }

  /** The distinct index terms of a text, in order, at most {@value #MAX_QUERY_TERMS}. */
  Set<String> bigrams(String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < MAX_QUERY_TERMS) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Analyzer bigramAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new CJKWidthFilter(source);
        s = new LowerCaseFilter(s);
        s = new CJKBigramFilter(s);
        return new TokenStreamComponents(source, s);
      }
    };
  }

  @Override
  public void close() {
    try {
      reader.close();
      dir.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    analyzer.close();
  }
}
