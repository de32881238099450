package io.github.wenda.retrieval.text;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * How passage and question text is cut into terms, shared by both search engines and the bot so
 * that a word the bot marks is a word search matched: {@code words} is smartcn's segmentation,
 * {@code bigrams} overlapping CJK character bigrams.
 */
public final class TextAnalysis {
  /** The smartcn word field. */
  public static final String WORDS = "words";

  /** The overlapping character bigram field. */
  public static final String BIGRAMS = "bigrams";

  private TextAnalysis() {}

  /** smartcn for {@link #WORDS}, CJK bigrams for {@link #BIGRAMS}. */
  public static Analyzer analyzer() {
    return new PerFieldAnalyzerWrapper(
        new SmartChineseAnalyzer(), Map.of(BIGRAMS, new CJKAnalyzer(CharArraySet.EMPTY_SET)));
  }
}
