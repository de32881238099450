package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * Checks that an index's files are the bytes Lucene wrote: every file of the latest commit against
 * the checksum in its footer. Opening an index reads only headers, so garbled bytes in the middle
 * of a segment go unnoticed until a search trips over them (as an {@code
 * ArrayIndexOutOfBoundsException}, say); this catches them first.
 *
 * <p>A full check reads every byte, so the result is remembered in {@value #RECORD} beside the
 * manifest, keyed by each Lucene file's name, size, modification time and file key: while those are
 * unchanged, the files are the ones verified.
 */
final class IndexIntegrity {
  /** Remembers the files last verified. */
  public static final String RECORD = "verified.txt";

  private IndexIntegrity() {}

  /**
   * Verifies the latest commit's files, unless they are exactly the ones verified last time, and
   * records them.
   *
   * @throws IOException (typically {@link org.apache.lucene.index.CorruptIndexException}) when a
   *     file is damaged
   */
  public static void ensureVerified(Path dir) throws IOException {
    String now = fingerprint(dir);
    if (now.equals(recorded(dir))) {
      return;
    }
    verify(dir);
    record(dir, now);
  }

  /** True when the Lucene files are the ones recorded as verified. */
  public static boolean isVerified(Path dir) throws IOException {
    return fingerprint(dir).equals(recorded(dir));
  }

  /**
   * Reads every file of the latest commit and checks its checksum, whatever the record says;
   * records success.
   */
  public static void verifyAndRecord(Path dir) throws IOException {
    String before = fingerprint(dir);
    verify(dir);
    record(dir, before);
  }

  /** Reads every file of the latest commit and checks its checksum. */
  static void verify(Path dir) throws IOException {
    // NIOFS rather than mmap: a damaged file must give an exception, never a crash of the JVM.
    try (Directory directory = new NIOFSDirectory(dir)) {
      SegmentInfos infos =
          SegmentInfos.readLatestCommit(directory); // checks segments_N's own checksum
      for (String file : infos.files(true)) {
        try (IndexInput in = directory.openInput(file, IOContext.READONCE)) {
          CodecUtil.checksumEntireFile(in);
        }
      }
    } catch (RuntimeException e) {
      // Garbage can make Lucene's decoders fail in any way; for us it is a damaged index.
      throw new IOException("damaged index files in " + dir + ": " + e, e);
    }
  }

  /**
   * The Lucene files of {@code dir}: name, size, modification time and file key, one per line,
   * sorted.
   */
  public static String fingerprint(Path dir) throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!IndexFolder.isLuceneFile(name)) {
          continue;
        }
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
          continue;
        }
        out.append(name)
            .append(' ')
            .append(a.size())
            .append(' ')
            .append(a.lastModifiedTime().to(TimeUnit.NANOSECONDS))
            .append(' ')
            .append(a.fileKey())
            .append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Whether a failure while searching may come from damaged index files: an I/O error, an index out
   * of bounds, or anything thrown from inside Lucene's code (garbage makes its decoders fail in
   * many ways). A false alarm costs one verification, which then clears the files.
   */
  public static boolean looksCorrupt(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof IOException
          || t instanceof java.io.UncheckedIOException
          || t instanceof IndexOutOfBoundsException) {
        return true;
      }
      StackTraceElement[] trace = t.getStackTrace();
      if (trace.length > 0 && trace[0].getClassName().startsWith("org.apache.lucene.")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String recorded(Path dir) {
    try {
      return Files.readString(dir.resolve(RECORD), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void record(Path dir, String fingerprint) throws IOException {
    Path tmp = dir.resolve(RECORD + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PrivateFiles.fileAttributes(dir));
    Files.writeString(tmp, fingerprint, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        dir.resolve(RECORD),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
