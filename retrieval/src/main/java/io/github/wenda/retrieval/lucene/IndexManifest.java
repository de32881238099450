package io.github.wenda.retrieval.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wenda.retrieval.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON file beside the Lucene index saying what it was built from: the pipeline and model, the
 * settings that change passages, and each document's file hash and passage count.
 *
 * <p>{@code commitId} is also written into the Lucene commit; if the two disagree, a crash came
 * between writing the index and writing this file, and the index is rebuilt.
 */
record IndexManifest(
    int pipelineVersion,
    String modelId,
    Map<String, String> settings,
    Map<String, DocumentEntry> documents,
    String commitId) {
  public static final String FILE_NAME = "manifest.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public IndexManifest {
    settings = new TreeMap<>(settings);
    documents = new TreeMap<>(documents);
  }

  /** One document as indexed. */
  public record DocumentEntry(String path, String sha256, int passages) {}

  public int passageCount() {
    return documents.values().stream().mapToInt(DocumentEntry::passages).sum();
  }

  /**
   * True when passages built now would differ from the indexed ones for reasons other than file
   * content.
   */
  public boolean sameBuild(int pipelineVersion, String modelId, Map<String, String> settings) {
    return this.pipelineVersion == pipelineVersion
        && this.modelId.equals(modelId)
        && this.settings.equals(new TreeMap<>(settings));
  }

  /** The manifest in {@code indexDir}, or empty when it is missing or unreadable. */
  public static Optional<IndexManifest> read(Path indexDir) {
    Path file = indexDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      IndexManifest m = JSON.readValue(file.toFile(), IndexManifest.class);
      return m == null || m.commitId() == null || m.modelId() == null
          ? Optional.empty()
          : Optional.of(m);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes to a temporary file and moves it into place, so readers see the old or the new file,
   * never half.
   */
  public void write(Path indexDir) throws IOException {
    Path tmp = indexDir.resolve(FILE_NAME + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PrivateFiles.fileAttributes(indexDir)); // 0600: it lists the corpus's files
    JSON.writeValue(tmp.toFile(), this);
    Files.move(
        tmp,
        indexDir.resolve(FILE_NAME),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
