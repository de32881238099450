package io.github.wenda.retrieval.reader;

import java.nio.file.Path;
import java.util.List;

/** The PDF reader keeps the reader contract on LibreOffice's PDF of the test manual. */
class PdfReaderContractTest extends DocumentReaderContract {
  @Override
  protected DocumentReader reader() {
    return new PdfReader();
  }

  @Override
  protected Path fixture() {
    return Fixtures.file("manual.pdf");
  }

  @Override
  protected String extension() {
    return "pdf";
  }

  @Override
  protected List<String> phrasesInOrder() {
    return ManualPhrases.IN_ORDER;
  }
}
