package io.github.wenda.retrieval.text;

import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * Loads smartcn's dictionaries (about 0.2 s) on a second core while the first reads the settings.
 * The dictionaries are static, so the index opened later finds them loaded (or waits for the
 * loading already under way, never loading twice). Best effort: a failure here is met again, and
 * reported, where the analyzer is really used.
 */
public final class AnalyzerWarmUp {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private AnalyzerWarmUp() {}

  /** Starts the loading, once per process; returns at once. */
  public static void begin() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(AnalyzerWarmUp::smartcn, "wenda-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static void smartcn() {
    try (Analyzer a = new SmartChineseAnalyzer();
        TokenStream ts = a.tokenStream("body", new StringReader("上合组织成立"))) {
      ts.reset();
      while (ts.incrementToken()) {
        // reading the tokens is what loads the dictionaries
      }
      ts.end();
    } catch (IOException | RuntimeException e) {
      // see the class comment
    }
  }
}
