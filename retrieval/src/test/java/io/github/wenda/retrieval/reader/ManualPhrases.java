package io.github.wenda.retrieval.reader;

import java.util.List;

/**
 * Phrases of the test manual (manual.fodt) in its order, as every format made from it writes them.
 */
final class ManualPhrases {
  static final List<String> IN_ORDER =
      List.of(
          "简介",
          "本手册说明如何安装、配置和维护它（包括索引、检索与回答）。",
          "/usr/share/doc/wenda-reference/index.html",
          "安装之前，请先更新软件包列表。",
          "apt-get update",
          "下载后用 dpkg -i 安装。",
          "加入下面一行（注意：不要删除已有的源）：",
          "读取方式",
          "限制下载带宽",
          "单位是 KB/s。",
          "为什么有些文件被跳过？");

  private ManualPhrases() {}
}
