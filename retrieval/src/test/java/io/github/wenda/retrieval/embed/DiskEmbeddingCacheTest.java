package io.github.wenda.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.testing.HashingEmbedder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskEmbeddingCacheTest {
  @TempDir Path dir;

  @Test
  void embeds_each_text_once_and_remembers_it_across_opens() {
    HashingEmbedder model = new HashingEmbedder();
    DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, model);
    List<float[]> first = cache.embed(List.of("上海合作组织", "秘书处设在北京", "上海合作组织"));
    assertThat(model.embedded()).isEqualTo(2);
    assertThat(cache.misses()).isEqualTo(2);
    assertThat(first.get(0)).isEqualTo(first.get(2));

    cache.embed(List.of("秘书处设在北京"));
    assertThat(model.embedded()).isEqualTo(2);
    assertThat(cache.hits()).isEqualTo(1);

    DiskEmbeddingCache reopened = DiskEmbeddingCache.open(dir, model);
    assertThat(reopened.size()).isEqualTo(2);
    assertThat(reopened.embed(List.of("上海合作组织")).get(0)).isEqualTo(first.get(0));
    assertThat(model.embedded()).isEqualTo(2);
    reopened.embed(List.of("新文本"));
    assertThat(model.embedded()).isEqualTo(3);
  }

  @Test
  void keeps_models_apart() {
    DiskEmbeddingCache.open(dir, new HashingEmbedder("model-a")).embed(List.of("文本"));
    HashingEmbedder b = new HashingEmbedder("model/b");
    DiskEmbeddingCache.open(dir, b).embed(List.of("文本"));
    assertThat(b.embedded()).isEqualTo(1);
    assertThat(dir.resolve("model-a/vectors.bin")).exists();
    assertThat(dir.resolve("model_b/vectors.bin")).exists();
  }

  @Test
  void a_truncated_tail_is_dropped_and_the_rest_kept() throws Exception {
    HashingEmbedder model = new HashingEmbedder();
    DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, model);
    cache.embed(List.of("一", "二", "三"));
    Path file = cache.file();
    long size = Files.size(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size - 10);
    }
    DiskEmbeddingCache reopened = DiskEmbeddingCache.open(dir, model);
    assertThat(reopened.size()).isEqualTo(2);
    assertThat(Files.size(file)).isEqualTo(size / 3 * 2);
    reopened.embed(List.of("一", "二", "三"));
    assertThat(model.embedded()).isEqualTo(4);
    assertThat(DiskEmbeddingCache.open(dir, model).size()).isEqualTo(3);
  }

  @Test
  void a_corrupt_record_ends_the_readable_part() throws Exception {
    HashingEmbedder model = new HashingEmbedder();
    DiskEmbeddingCache cache = DiskEmbeddingCache.open(dir, model);
    cache.embed(List.of("一", "二"));
    byte[] bytes = Files.readAllBytes(cache.file());
    bytes[bytes.length - 20] ^= 0x55; // inside the second record's floats
    Files.write(cache.file(), bytes);
    DiskEmbeddingCache reopened = DiskEmbeddingCache.open(dir, model);
    assertThat(reopened.size()).isEqualTo(1);
    assertThat(Files.size(cache.file())).isEqualTo(bytes.length / 2);
  }

  @Test
  void garbage_file_is_emptied_not_fatal() throws Exception {
    HashingEmbedder model = new HashingEmbedder();
    Path file = dir.resolve("hashing-test/vectors.bin");
    Files.createDirectories(file.getParent());
    Files.write(
        file,
        new byte[] {
          1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
          26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37
        });
    assertThat(DiskEmbeddingCache.open(dir, model).size()).isZero();
    assertThat(Files.size(file)).isZero();
  }
}
