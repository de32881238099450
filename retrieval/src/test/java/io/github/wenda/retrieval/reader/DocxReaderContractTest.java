package io.github.wenda.retrieval.reader;

import java.nio.file.Path;
import java.util.List;

/** The Docx reader keeps the reader contract on LibreOffice's docx of the test manual. */
class DocxReaderContractTest extends DocumentReaderContract {
  @Override
  protected DocumentReader reader() {
    return new DocxReader();
  }

  @Override
  protected Path fixture() {
    return Fixtures.file("manual.docx");
  }

  @Override
  protected String extension() {
    return "docx";
  }

  @Override
  protected List<String> phrasesInOrder() {
    return ManualPhrases.IN_ORDER;
  }
}
