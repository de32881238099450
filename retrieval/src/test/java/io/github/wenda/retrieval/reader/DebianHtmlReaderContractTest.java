package io.github.wenda.retrieval.reader;

import java.nio.file.Path;
import java.util.List;

/** The HTML reader keeps the reader contract on a Debian FAQ page exactly as Debian ships it. */
class DebianHtmlReaderContractTest extends DocumentReaderContract {
  @Override
  protected DocumentReader reader() {
    return new HtmlReader();
  }

  @Override
  protected Path fixture() {
    return Fixtures.file("debian-faq-customizing.zh-cn.html");
  }

  @Override
  protected String extension() {
    return "html";
  }

  @Override
  protected byte[] broken(byte[] fixture) {
    return notText(fixture);
  }

  @Override
  protected List<String> phrasesInOrder() {
    return List.of(
        "11.3. 如何用 Debian 的方式在启动时加载一个控制台字体？",
        "kbd 软件包支持这一操作，请编辑",
        "systemctl get-default",
        "欲了解关于 Debian 中的 systemd 的更多信息，请阅读 https://wiki.debian.org/systemd。",
        "11.6. 那么 Debian 使用传统的 System V init 时是什么情况？");
  }
}
