package io.github.wenda.retrieval.embed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Keeps ONNX Runtime's native libraries extracted under the data folder. Left alone, ONNX Runtime
 * copies its 16 MB library out of the jar into a new temporary folder at every start; pointed at a
 * folder by {@code onnxruntime.native.path} it loads from there instead. The folder is named by a
 * checksum of the bundled JNI library, so another ONNX Runtime version gets its own.
 */
public final class OnnxNativeLibrary {
  private static final String PROPERTY = "onnxruntime.native.path";
  private static final String[] LIBRARIES = {"onnxruntime", "onnxruntime4j_jni"};

  /** The folder this class last pointed ONNX Runtime at. */
  private static String ours;

  private OnnxNativeLibrary() {}

  private static boolean complete(Path dir) {
    for (String lib : LIBRARIES) {
      if (!Files.isRegularFile(dir.resolve(System.mapLibraryName(lib)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Extracts the libraries under {@code cacheDir} unless already there, and tells ONNX Runtime to
   * load them from there. Best effort: on any failure (unknown platform, folder not writable) ONNX
   * Runtime extracts as before. Returns the folder used, if any. Call before the first model loads.
   */
  public static synchronized Optional<Path> useCacheUnder(Path cacheDir) {
    String set = System.getProperty(PROPERTY);
    // Set by the user, or by an earlier call whose folder is still there (tests delete theirs).
    if (set != null && (!set.equals(ours) || complete(Path.of(set)))) {
      return Optional.of(Path.of(set));
    }
    Optional<String> platform = platform();
    if (platform.isEmpty()) {
      return Optional.empty();
    }
    String base = "ai/onnxruntime/native/" + platform.get() + "/";
    try {
      byte[] jni = read(base + System.mapLibraryName("onnxruntime4j_jni"));
      CRC32 crc = new CRC32();
      crc.update(jni);
      Path dir =
          cacheDir.resolve(
              "onnxruntime-" + platform.get() + "-" + Long.toHexString(crc.getValue()));
      for (String lib : LIBRARIES) {
        Path target = dir.resolve(System.mapLibraryName(lib));
        if (!Files.isRegularFile(target)) {
          Files.createDirectories(dir);
          // Written aside, then renamed: a concurrent start never loads a half-written library.
          Path part = Files.createTempFile(dir, lib, ".part");
          try (InputStream in = resource(base + System.mapLibraryName(lib))) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
          }
          Files.move(
              part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      System.setProperty(PROPERTY, dir.toString());
      ours = dir.toString();
      return Optional.of(dir);
    } catch (IOException | RuntimeException e) {
      if (set != null && set.equals(ours)) {
        System.clearProperty(PROPERTY); // our old folder is gone: let ONNX Runtime extract
      }
      return Optional.empty();
    }
  }

  /** ONNX Runtime's name for this platform's folder in its jar, for the platforms Wenda caches. */
  static Optional<String> platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux")) {
      return Optional
          .empty(); // macOS and Windows: library names and loading differ; left to ONNX Runtime
    }
    return switch (arch) {
      case "amd64", "x86_64" -> Optional.of("linux-x64");
      case "aarch64" -> Optional.of("linux-aarch64");
      default -> Optional.empty();
    };
  }

  private static byte[] read(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxNativeLibrary.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("not on the class path: " + name);
    }
    return in;
  }
}
