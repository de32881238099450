package io.github.wenda.bot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleCorpusTest {
  @TempDir Path dir;

  @Test
  void size_grows_linearly_and_copies_are_perturbed() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src"));
    String text = "上海合作组织于2001年6月15日在上海宣告成立。\n秘书处设在北京，成员国在多个领域开展合作与交流。\n";
    Files.writeString(src.resolve("a.txt"), text);
    Files.writeString(src.resolve("catalog.yaml"), "documents: {}\n");
    long one = ScaleCorpus.generate(src, 1, dir.resolve("x1"));
    long ten = ScaleCorpus.generate(src, 10, dir.resolve("x10"));
    assertThat(one).isEqualTo(text.length());
    assertThat(ten).isEqualTo(10L * one);
    assertThat(Files.list(dir.resolve("x10")).count()).isEqualTo(10);
    assertThat(Files.readString(dir.resolve("x10/a-0.txt"))).isEqualTo(text);
    String c1 = Files.readString(dir.resolve("x10/a-1.txt"));
    String c2 = Files.readString(dir.resolve("x10/a-2.txt"));
    assertThat(c1).isNotEqualTo(text).isNotEqualTo(c2).contains("3112年").hasSameSizeAs(text);
  }
}
