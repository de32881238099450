package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.reader.DocumentReader;
import io.github.wenda.retrieval.reader.DocumentReaderContract;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The plain-text reader keeps the reader contract on a real PDF extraction of the bundled corpus.
 */
class TextReaderContractTest extends DocumentReaderContract {
  @Override
  protected DocumentReader reader() {
    return new TextReader();
  }

  @Override
  protected Path fixture() {
    try {
      String name = "/cleaner/002_footnotes_running_header.txt";
      return Path.of(Objects.requireNonNull(getClass().getResource(name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected String extension() {
    return "txt";
  }

  @Override
  protected byte[] broken(byte[] fixture) {
    return notText(fixture);
  }

  @Override
  protected List<String> phrasesInOrder() {
    return List.of(
        "上合组织发展的“中国特色”", "与其他国际组织不同，上合组织秉持的合作理念特色鲜明", "在帮助中亚国家打击恐怖主义和极端主义", "中国还根据地区形势变化和成员国的实际情况");
  }
}
