package io.github.wenda.retrieval.reader;

import java.nio.file.Path;
import java.util.List;

/** The Markdown reader keeps the reader contract on the hand-written guide. */
class MarkdownReaderContractTest extends DocumentReaderContract {
  @Override
  protected DocumentReader reader() {
    return new MarkdownReader();
  }

  @Override
  protected Path fixture() {
    return Fixtures.file("guide.md");
  }

  @Override
  protected String extension() {
    return "md";
  }

  @Override
  protected byte[] broken(byte[] fixture) {
    return notText(fixture);
  }

  @Override
  protected List<String> phrasesInOrder() {
    return List.of(
        "Wenda 使用指南",
        "标题进入章节路径，代码块逐行保留。",
        "先更新软件包列表（需要 root 权限）：",
        "apt-get install wenda",
        "/etc/wenda/wenda.yaml",
        "限制 APT 的下载带宽",
        "单位是 KB/s。");
  }
}
