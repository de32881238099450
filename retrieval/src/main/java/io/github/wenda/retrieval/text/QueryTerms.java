package io.github.wenda.retrieval.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms of a question for one field, as the index analysed the passages, minus the words that
 * only make it a question (什么, 哪, 吗 …): they occur in no answer and would reward passages for their
 * particles. Terms are analysed, never parsed, so query syntax in a question is just text.
 */
public final class QueryTerms {
  /** Lucene refuses Boolean queries beyond 1024 clauses; a question never needs that many. */
  static final int MAX_TERMS = 200;

  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "什么", "啥", "哪", "哪些", "哪个", "哪里", "哪儿", "哪年", "哪一年", "为什么", "为何", "怎么", "怎样", "怎么样", "如何",
          "吗", "呢", "吧", "啊", "呀", "么", "了", "的", "是", "有", "多少", "几", "谁", "请问", "请", "一下", "告诉",
          "我", "你", "知道", "是否", "哪位", "何时", "何", "是不是", "有没有", "多久");
  private static final String QUESTION_CHARS = "吗呢吧啊呀哪么谁啥";

  private final Analyzer analyzer;

  public QueryTerms(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  public Set<String> terms(String field, String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken() && out.size() < MAX_TERMS) {
        String t = term.toString();
        if (keep(field, t)) {
          out.add(t);
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a question in memory cannot fail", e);
    }
    return out;
  }

  static boolean isQuestionWord(String term) {
    return QUESTION_WORDS.contains(term);
  }

  private static boolean keep(String field, String term) {
    if (term.isBlank() || QUESTION_WORDS.contains(term)) {
      return false;
    }
    if (field.equals(TextAnalysis.BIGRAMS)) {
      for (int i = 0; i < term.length(); i++) {
        if (QUESTION_CHARS.indexOf(term.charAt(i)) >= 0) {
          return false;
        }
      }
    }
    return true;
  }
}
