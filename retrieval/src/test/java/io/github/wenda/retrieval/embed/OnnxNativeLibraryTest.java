package io.github.wenda.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativeLibraryTest {
  @TempDir Path dir;

  @Test
  void extracts_the_libraries_once_and_points_onnx_runtime_at_them() throws Exception {
    assumeThat(OnnxNativeLibrary.platform()).isPresent();
    String before = System.getProperty("onnxruntime.native.path");
    try {
      System.clearProperty("onnxruntime.native.path");
      Optional<Path> first = OnnxNativeLibrary.useCacheUnder(dir);
      assertThat(first).isPresent();
      Path lib = first.get().resolve(System.mapLibraryName("onnxruntime"));
      assertThat(Files.size(lib)).isGreaterThan(1_000_000);
      assertThat(System.getProperty("onnxruntime.native.path")).isEqualTo(first.get().toString());
      long written = Files.getLastModifiedTime(lib).toMillis();

      System.clearProperty("onnxruntime.native.path");
      Files.setLastModifiedTime(lib, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
      assertThat(OnnxNativeLibrary.useCacheUnder(dir)).isEqualTo(first);
      assertThat(Files.getLastModifiedTime(lib).toMillis())
          .as("not extracted again")
          .isEqualTo(written - 60_000);
      try (var files = Files.list(first.get())) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
      }
    } finally {
      if (before == null) {
        System.clearProperty("onnxruntime.native.path");
      } else {
        System.setProperty("onnxruntime.native.path", before);
      }
    }
  }

  @Test
  void a_folder_that_cannot_be_made_leaves_onnx_runtime_to_extract_as_before() throws Exception {
    String before = System.getProperty("onnxruntime.native.path");
    try {
      System.clearProperty("onnxruntime.native.path");
      Path file = Files.writeString(dir.resolve("file"), "x");
      assertThat(OnnxNativeLibrary.useCacheUnder(file.resolve("native"))).isEmpty();
      assertThat(System.getProperty("onnxruntime.native.path")).isNull();
    } finally {
      if (before != null) {
        System.setProperty("onnxruntime.native.path", before);
      }
    }
  }

  @Test
  void a_cache_folder_deleted_since_is_extracted_again_elsewhere() throws Exception {
    assumeThat(OnnxNativeLibrary.platform()).isPresent();
    String before = System.getProperty("onnxruntime.native.path");
    try {
      System.clearProperty("onnxruntime.native.path");
      Path first = OnnxNativeLibrary.useCacheUnder(dir.resolve("a")).orElseThrow();
      try (var files = Files.walk(dir.resolve("a"))) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      Path second = OnnxNativeLibrary.useCacheUnder(dir.resolve("b")).orElseThrow();
      assertThat(second).isNotEqualTo(first);
      assertThat(second.resolve(System.mapLibraryName("onnxruntime4j_jni"))).isRegularFile();
      assertThat(System.getProperty("onnxruntime.native.path")).isEqualTo(second.toString());
    } finally {
      if (before == null) {
        System.clearProperty("onnxruntime.native.path");
      } else {
        System.setProperty("onnxruntime.native.path", before);
      }
    }
  }
}
