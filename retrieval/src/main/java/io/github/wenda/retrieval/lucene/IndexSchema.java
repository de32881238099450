package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.SegmentKind;
import io.github.wenda.retrieval.pipeline.PassagePipeline;
import io.github.wenda.retrieval.text.MatchText;
import io.github.wenda.retrieval.text.TextAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The Lucene fields of a passage. {@code words} holds smartcn's word segmentation, {@code bigrams}
 * overlapping character bigrams: one segmenter splits some names differently in a question than in
 * the text, and bigrams still match them. Both index the section heading with the text, since
 * headings often carry the question's subject.
 */
final class IndexSchema {
  /**
   * Bump whenever cleaning, chunking or the fields change, so existing indexes are rebuilt rather
   * than mixed with passages made the old way. The document pipeline's version, since it makes the
   * passages.
   */
  public static final int PIPELINE_VERSION = PassagePipeline.VERSION;

  public static final String ID = "id";
  public static final String DOC = "doc";
  public static final String WORDS = TextAnalysis.WORDS;
  public static final String BIGRAMS = TextAnalysis.BIGRAMS;
  public static final String VECTOR = "vector";
  static final String TITLE = "title";
  static final String SECTION = "section";
  static final String KIND = "kind";
  static final String ORDINAL = "ordinal";
  static final String START = "start";
  static final String END = "end";
  static final String TEXT = "text";
  static final String PAGE = "page";

  /** How passage and question vectors are compared, in the HNSW graph and when scored exactly. */
  static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.COSINE;

  private IndexSchema() {}

  /** The analyzer search and the bot share (see {@link TextAnalysis}). */
  public static Analyzer analyzer() {
    return TextAnalysis.analyzer();
  }

  static Document toDocument(Passage p, float[] vector) {
    Document d = new Document();
    d.add(new StringField(ID, p.id(), Field.Store.YES));
    d.add(new StringField(DOC, p.docId(), Field.Store.YES));
    d.add(new StoredField(TITLE, p.title()));
    d.add(new StoredField(SECTION, p.section()));
    d.add(new StoredField(KIND, p.kind().label()));
    d.add(new StoredField(ORDINAL, p.ordinal()));
    d.add(new StoredField(START, p.start()));
    d.add(new StoredField(END, p.end()));
    d.add(new StoredField(TEXT, p.text()));
    d.add(new StoredField(PAGE, p.page()));
    String searchable = MatchText.indexed(p);
    d.add(new TextField(WORDS, searchable, Field.Store.NO));
    d.add(new TextField(BIGRAMS, searchable, Field.Store.NO));
    d.add(new KnnFloatVectorField(VECTOR, vector, SIMILARITY));
    return d;
  }

  static Passage toPassage(StoredFields fields, int luceneDoc) throws java.io.IOException {
    Document d = fields.document(luceneDoc);
    return new Passage(
        d.get(DOC),
        d.get(TITLE),
        d.get(SECTION),
        SegmentKind.valueOf(d.get(KIND).toUpperCase(java.util.Locale.ROOT)),
        d.getField(ORDINAL).numericValue().intValue(),
        d.getField(START).numericValue().intValue(),
        d.getField(END).numericValue().intValue(),
        d.get(TEXT),
        d.getField(PAGE) == null ? 0 : d.getField(PAGE).numericValue().intValue());
  }
}
