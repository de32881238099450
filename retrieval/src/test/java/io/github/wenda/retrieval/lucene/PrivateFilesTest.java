package io.github.wenda.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.wenda.retrieval.api.ChunkSettings;
import io.github.wenda.retrieval.api.IndexReport;
import io.github.wenda.retrieval.api.ProgressListener;
import io.github.wenda.retrieval.corpus.CorpusLoader;
import io.github.wenda.retrieval.embed.DiskEmbeddingCache;
import io.github.wenda.retrieval.testing.HashingEmbedder;
import io.github.wenda.retrieval.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index and the embedding cache hold the corpus's text: only their owner may read what Wenda
 * creates.
 */
class PrivateFilesTest {
  @TempDir Path tmp;

  @BeforeEach
  void posixOnly() {
    assumeTrue(
        tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static void assertPrivateTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        assertThat(mode(p)).as("%s", p).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
      }
    }
  }

  @Test
  void the_index_its_manifest_and_its_lock_are_created_for_the_owner_only() throws IOException {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path corpus = Files.createDirectories(home.resolve("corpus"));
    Files.writeString(corpus.resolve("a.txt"), "上海合作组织成立于2001年。\n");
    Path data = home.resolve(".wenda");
    Path indexDir = data.resolve("index");
    IndexManager manager =
        new IndexManager(
            TestSettings.index(indexDir, new ChunkSettings(300, 0), 4),
            new HashingEmbedder(),
            ProgressListener.NONE);

    manager.refresh(new CorpusLoader(corpus, TestSettings.CORPUS).load());
    assertPrivateTree(data);
    Files.writeString(corpus.resolve("b.txt"), "东盟是东南亚国家联盟的简称。\n");
    assertThat(manager.refresh(new CorpusLoader(corpus, TestSettings.CORPUS).load()).action())
        .isEqualTo(IndexReport.Action.UPDATED);

    assertPrivateTree(data);
    assertThat(IndexLock.fileOf(indexDir)).exists();
    assertThat(mode(home)).as("a folder that existed keeps its permissions").isEqualTo("rwxr-xr-x");
  }

  @Test
  void the_embedding_cache_is_created_for_the_owner_only() throws IOException {
    Path root = tmp.resolve(".wenda/embeddings");
    DiskEmbeddingCache cache = DiskEmbeddingCache.open(root, new HashingEmbedder());
    cache.embed(List.of("上海合作组织", "东盟"));

    assertThat(cache.file()).exists();
    assertPrivateTree(tmp.resolve(".wenda"));
  }
}
