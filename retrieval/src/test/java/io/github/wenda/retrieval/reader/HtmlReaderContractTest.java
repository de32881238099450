package io.github.wenda.retrieval.reader;

import java.nio.file.Path;
import java.util.List;

/** The Html reader keeps the reader contract on LibreOffice's html of the test manual. */
class HtmlReaderContractTest extends DocumentReaderContract {
  @Override
  protected DocumentReader reader() {
    return new HtmlReader();
  }

  @Override
  protected Path fixture() {
    return Fixtures.file("manual.html");
  }

  @Override
  protected String extension() {
    return "html";
  }

  /**
   * HTML's closing tags are optional, so a cut-off page cannot be told from a short one: bad bytes.
   */
  @Override
  protected byte[] broken(byte[] fixture) {
    return notText(fixture);
  }

  @Override
  protected List<String> phrasesInOrder() {
    return ManualPhrases.IN_ORDER;
  }
}
