package io.github.wenda.retrieval.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdfLineRunTest {
  @Test
  void chinese_prose_with_monospaced_literals_is_not_code_but_a_commented_command_line_is() {
    // As in Debian Reference's PDF: inline <literal>s are set in a monospaced font.
    assertThat(
            new PdfLineRun("如果你处于 GUI环境中，你可以通过 Ctrl-Alt-F3键前往字符控制台", false, 1.0, 22, 14, 10)
                .isMono())
        .isFalse();
    assertThat(new PdfLineRun("# 更新软件包列表", false, 1.0, 7, 1, 9).isMono()).isTrue();
    assertThat(new PdfLineRun("apt-get install wenda", false, 1.0, 0, 19, 9).isMono()).isTrue();
    assertThat(new PdfLineRun("apt-get install wenda", false, 0.3, 0, 19, 9).isMono()).isFalse();
  }

  @Test
  void chinese_prose_with_monospaced_literals_and_commas_is_not_code() {
    assertThat(
            new PdfLineRun(
                    "在 systemd 下, 内核和系统的信息都通过日志服务 systemd-journald.service (又名 journald) 来记录，放",
                    false,
                    1.0,
                    30,
                    40,
                    10)
                .isMono())
        .isFalse();
    assertThat(new PdfLineRun("# 安装软件包，然后重启", false, 1.0, 10, 1, 9).isMono()).isTrue();
  }

  @Test
  void a_row_with_a_prose_first_cell_and_a_command_cell_is_not_code() {
    assertThat(
            new PdfLineRun("日志\t”journalctl -b --user”", false, 1.0, 2, 18, 9, true, 60).isMono())
        .isFalse();
    assertThat(new PdfLineRun("ls -l\t# list", false, 1.0, 0, 10, 9, false, 60).isMono()).isTrue();
  }
}
