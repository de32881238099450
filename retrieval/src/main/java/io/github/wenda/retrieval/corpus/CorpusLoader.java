package io.github.wenda.retrieval.corpus;

import io.github.wenda.retrieval.api.Corpus;
import io.github.wenda.retrieval.api.CorpusOptions;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.DocumentFormat;
import io.github.wenda.retrieval.api.DocumentInfo;
import io.github.wenda.retrieval.api.SkippedFile;
import io.github.wenda.retrieval.reader.TextFiles;
import io.github.wenda.retrieval.reader.UnreadableDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds every document under a folder, recursively, in path order: PDF, HTML, Word, Markdown and
 * plain text (see {@link DocumentFormat}).
 *
 * <p>One bad file never stops the rest: an unsupported type, an empty, binary, over-large or
 * unreadable file, a folder that cannot be listed, a path the file system refuses, or text in an
 * encoding that is neither UTF-8 nor GB18030 is skipped with a warning naming the file and the
 * reason, and recorded in {@link Corpus#skipped()}. Symbolic links that lead out of the corpus
 * folder are not followed unless {@link CorpusOptions#followSymlinks()} says so. Hidden files and
 * folders, {@code catalog.yaml} and {@code *.jsonl} question sets are Wenda's or the system's, not
 * documents, and are passed over in silence. Text formats are decoded here; PDF, HTML and Word are
 * only hashed, and parsed by {@link DocumentParser} when (re)indexed.
 */
public final class CorpusLoader {
  private static final Logger log = LoggerFactory.getLogger(CorpusLoader.class);

  private final Path dir;
  private final CorpusOptions options;

  public CorpusLoader(Path dir, CorpusOptions options) {
    this.dir = dir;
    this.options = options;
  }

  /** The loaded documents, with warnings for skipped files logged and collected. */
  public Corpus load() {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException(dir, -1, "corpus folder does not exist or is not a folder");
    }
    Catalog catalog = Catalog.load(dir);
    Listing listing = list();
    java.util.Map<String, Long> stems =
        listing.files.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    f -> stripExtension(relative(f)), java.util.stream.Collectors.counting()));
    List<Document> documents = new ArrayList<>();
    for (Path file : listing.files) {
      String relative = relative(file);
      Optional<DocumentFormat> format = DocumentFormat.of(file);
      if (format.isEmpty()) {
        listing.skip(
            relative,
            extension(relative),
            "unsupported type (Wenda reads .pdf, .html, .docx, .md and .txt)");
        continue;
      }
      // "manual.html" and "manual.pdf" side by side keep their extensions, so their ids differ.
      String id = stems.get(stripExtension(relative)) > 1 ? relative : stripExtension(relative);
      load(file, relative, id, format.get(), catalog, listing).ifPresent(documents::add);
    }
    return new Corpus(documents, listing.warnings, listing.skipped);
  }

  private Optional<Document> load(
      Path file,
      String relative,
      String id,
      DocumentFormat format,
      Catalog catalog,
      Listing listing) {
    String label = format.label();
    try {
      long size = Files.size(file);
      if (size > options.maxFileBytes()) {
        listing.skip(
            relative,
            label,
            String.format(
                Locale.ROOT,
                "larger than corpus.max-file-mb (%.1f MB > %d MB)",
                size / 1048576.0,
                options.maxFileMb()));
        return Optional.empty();
      }
      String text = "";
      String sha;
      if (format == DocumentFormat.TEXT || format == DocumentFormat.MARKDOWN) {
        byte[] bytes = Files.readAllBytes(file);
        if (isBlank(bytes)) {
          listing.skip(relative, label, "empty");
          return Optional.empty();
        }
        if (looksBinary(bytes)) {
          listing.skip(relative, label, "binary, not text");
          return Optional.empty();
        }
        TextFiles.Decoded decoded = TextFiles.decode(file, bytes);
        decoded.warning().ifPresent(listing::warn);
        text = decoded.text();
        sha = sha256(bytes);
      } else {
        if (size == 0) {
          listing.skip(relative, label, "empty");
          return Optional.empty();
        }
        sha = sha256(file);
      }
      DocumentInfo info = catalog.find(relative).orElseGet(() -> new DocumentInfo("", "", ""));
      if (info.title().isBlank()) {
        info = new DocumentInfo(fallbackTitle(id, text), info.author(), info.source());
      }
      return Optional.of(new Document(id, file, info, text, sha, format));
    } catch (UnreadableDocumentException e) {
      listing.skip(relative, label, e.reason());
    } catch (IOException e) {
      listing.skip(relative, label, "cannot be read: " + reason(e));
    }
    return Optional.empty();
  }

  /** The files to consider, with warnings for the parts of the tree that could not be walked. */
  private Listing list() {
    Listing listing = new Listing();
    Path root;
    try {
      root = dir.toRealPath();
    } catch (IOException e) {
      throw new CorpusException(dir, "cannot be listed: " + reason(e), e);
    }
    try {
      Files.walkFileTree(
          dir,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              if (!d.equals(dir) && d.getFileName().toString().startsWith(".")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return leavesCorpus(d, root, listing)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (attrs.isSymbolicLink()) { // the walk follows links: one reported as a link leads
                // nowhere
                listing.skip(relative(f), "link", "broken symbolic link");
              } else if (attrs.isRegularFile()
                  && isCandidate(f)
                  && !leavesCorpus(f, root, listing)) {
                listing.files.add(f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              String what = Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS) ? "folder" : "file";
              if (e instanceof FileSystemLoopException) {
                listing.skip(relative(f), "folder", "symbolic link loop, not followed");
              } else if (!(e instanceof NoSuchFileException) || !Files.isSymbolicLink(f)) {
                listing.skip(relative(f), what, what + " cannot be read: " + reason(e));
              } else {
                listing.skip(relative(f), "link", "broken symbolic link");
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new CorpusException(dir, "cannot be listed: " + reason(e), e);
    }
    listing.files.sort(null);
    return listing;
  }

  private boolean leavesCorpus(Path p, Path root, Listing listing) {
    if (options.followSymlinks()) {
      return false;
    }
    try {
      Path real = p.toRealPath();
      if (!real.startsWith(root)) {
        listing.skip(
            relative(p),
            "link",
            "symbolic link leading out of the corpus folder (to "
                + real
                + "); not followed unless corpus.follow-symlinks is true");
        return true;
      }
      return false;
    } catch (IOException e) {
      listing.skip(relative(p), "file", "cannot be read: " + reason(e));
      return true;
    }
  }

  static boolean isCandidate(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && !name.equals(Catalog.FILE_NAME)
        && !name.endsWith(".jsonl")
        && !name.endsWith("~");
  }

  private String relative(Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static String extension(String relative) {
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : "(no extension)";
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b & 0xff)
          && (b & 0xff) != 0xEF
          && (b & 0xff) != 0xBB
          && (b & 0xff) != 0xBF) {
        return false;
      }
    }
    return true;
  }

  // Text never contains NUL, and rarely other C0 controls; a few percent of them means binary.
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int controls = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        controls++;
      }
    }
    return controls > n / 50;
  }

  private static String stripExtension(String relative) {
    int dot = relative.lastIndexOf('.');
    return dot > relative.lastIndexOf('/') ? relative.substring(0, dot) : relative;
  }

  private static String fallbackTitle(String id, String text) {
    for (String line : text.split("\\R")) {
      String t = line.strip().replaceFirst("^#+\\s*", "");
      if (t.length() >= 2) {
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
      }
    }
    return id;
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** What the walk found and what it skipped. */
  private static final class Listing {
    final List<Path> files = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    final List<SkippedFile> skipped = new ArrayList<>();

    void skip(String file, String format, String reason) {
      skipped.add(new SkippedFile(file, format, reason));
      warn("skipping " + file + ": " + reason);
    }

    void warn(String message) {
      log.warn(message);
      warnings.add(message);
    }
  }
}
