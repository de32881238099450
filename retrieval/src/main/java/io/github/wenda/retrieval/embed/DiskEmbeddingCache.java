package io.github.wenda.retrieval.embed;

import io.github.wenda.retrieval.api.Embedder;
import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.files.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers every vector a model made, on disk, so a text is embedded once per model: index
 * rebuilds after a settings change, sweeps over chunk sizes and incremental updates all reuse what
 * earlier runs computed.
 *
 * <p>Vectors live in {@code <dir>/<model id>/vectors.bin}, an append-only file of records {@code
 * sha256(text) | dimension | floats | crc32}, keyed by the SHA-256 of the UTF-8 text. The whole
 * file is read into memory when opened. A record cut short (a crash mid-append) or failing its
 * checksum ends the readable part: the file is truncated there and those texts are embedded again
 * on demand. Thread-safe; appends are single writes, so two processes sharing a folder at worst
 * duplicate a record.
 */
public final class DiskEmbeddingCache implements Embedder {
  private static final Logger log = LoggerFactory.getLogger(DiskEmbeddingCache.class);
  private static final int HASH_BYTES = 32;

  private final Embedder delegate;
  private final Path file;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  private DiskEmbeddingCache(Embedder delegate, Path file) {
    this.delegate = delegate;
    this.file = file;
  }

  /**
   * Opens (or creates) the cache of {@code delegate}'s model under {@code root}, reading what
   * earlier runs stored and dropping a damaged tail.
   */
  public static DiskEmbeddingCache open(Path root, Embedder delegate) {
    Path file = root.resolve(safeName(delegate.modelId())).resolve("vectors.bin");
    DiskEmbeddingCache cache = new DiskEmbeddingCache(delegate, file);
    try {
      PrivateFiles.createDirectories(
          file.getParent()); // 0700: vectors can be inverted towards the text
      cache.load();
      if (Files.exists(file)) {
        PrivateFiles.restrict(file); // also a cache written by a Wenda from before files were 0600
      }
    } catch (IOException e) {
      throw new WendaException(
          "cannot read the embedding cache " + file + ": " + e.getMessage(), e);
    }
    return cache;
  }

  @Override
  public String modelId() {
    return delegate.modelId();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public void prepare() {
    delegate.prepare();
  }

  @Override
  public void prepareForPassages() {
    delegate.prepareForPassages();
  }

  /** Texts answered from the cache since it was opened. */
  public long hits() {
    return hits.get();
  }

  /** Texts the model had to embed since the cache was opened. */
  public long misses() {
    return misses.get();
  }

  /** Vectors held (on disk and in memory). */
  public int size() {
    return vectors.size();
  }

  public Path file() {
    return file;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    // Missing texts by key, each embedded once even if it occurs twice in the batch.
    Map<String, String> missing = new LinkedHashMap<>();
    String[] keys = new String[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      keys[i] = key(texts.get(i));
      float[] v = vectors.get(keys[i]);
      if (v != null) {
        out[i] = v;
        hits.incrementAndGet();
      } else {
        missing.putIfAbsent(keys[i], texts.get(i));
      }
    }
    if (!missing.isEmpty()) {
      List<String> missingKeys = new ArrayList<>(missing.keySet());
      List<float[]> computed = delegate.embed(new ArrayList<>(missing.values()));
      misses.addAndGet(computed.size());
      append(missingKeys, computed);
      for (int j = 0; j < missingKeys.size(); j++) {
        vectors.put(missingKeys.get(j), computed.get(j));
      }
      for (int i = 0; i < texts.size(); i++) {
        if (out[i] == null) {
          out[i] = vectors.get(keys[i]);
        }
      }
    }
    return List.of(out);
  }

  private synchronized void append(List<String> keys, List<float[]> computed) {
    int size = 0;
    for (float[] v : computed) {
      size += recordSize(v.length);
    }
    ByteBuffer buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    for (int j = 0; j < keys.size(); j++) {
      int start = buf.position();
      float[] v = computed.get(j);
      buf.put(HexFormat.of().parseHex(keys.get(j)));
      buf.putInt(v.length);
      for (float x : v) {
        buf.putFloat(x);
      }
      CRC32 crc = new CRC32();
      crc.update(buf.array(), start, buf.position() - start);
      buf.putInt((int) crc.getValue());
    }
    buf.flip();
    try (FileChannel ch =
        FileChannel.open(
            file,
            java.util.Set.of(
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
            PrivateFiles.fileAttributes(file.getParent()))) {
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    } catch (IOException e) {
      // The vectors are still correct in memory; only later runs lose them.
      log.warn("cannot append to the embedding cache {}: {}", file, e.toString());
    }
  }

  private void load() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    long good = 0;
    while (buf.remaining() >= HASH_BYTES + 4) {
      int start = buf.position();
      byte[] hash = new byte[HASH_BYTES];
      buf.get(hash);
      int dim = buf.getInt();
      if (dim != delegate.dimension() || buf.remaining() < dim * 4 + 4) {
        break;
      }
      float[] v = new float[dim];
      for (int i = 0; i < dim; i++) {
        v[i] = buf.getFloat();
      }
      CRC32 crc = new CRC32();
      crc.update(buf.array(), start, buf.position() - start);
      if ((int) crc.getValue() != buf.getInt()) {
        break;
      }
      vectors.put(HexFormat.of().formatHex(hash), v);
      good = buf.position();
    }
    if (good < buf.capacity()) {
      log.warn(
          "embedding cache {}: dropping {} damaged bytes after {} good vectors (interrupted write?)",
          file,
          buf.capacity() - good,
          vectors.size());
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(good);
      }
    }
  }

  private static int recordSize(int dim) {
    return HASH_BYTES + 4 + dim * 4 + 4;
  }

  static String key(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // Model ids may hold characters a file name cannot.
  private static String safeName(String modelId) {
    return modelId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
