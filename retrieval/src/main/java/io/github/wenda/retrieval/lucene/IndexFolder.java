package io.github.wenda.retrieval.lucene;

import io.github.wenda.retrieval.api.WendaException;
import io.github.wenda.retrieval.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder {@code index.dir} names, and the only code that deletes or replaces anything there.
 *
 * <p>Wenda deletes only what it can prove it made: a folder carrying its marker file or a readable
 * Wenda manifest, or one of its own temporary siblings ({@code <name>.building-<uuid>}, {@code
 * <name>.old-<uuid>}) carrying the marker. A mistyped {@code index.dir} that names the corpus, a
 * user folder or a file is refused with a message, never rebuilt over: a rebuild swaps folders and
 * deletes the old one, which must never be someone's documents.
 */
final class IndexFolder {
  private static final Logger log = LoggerFactory.getLogger(IndexFolder.class);

  /** Written first into every folder Wenda builds an index in: proof of ownership. */
  public static final String MARKER = ".wenda-index";

  private static final Set<String> NOT_LUCENE =
      Set.of(MARKER, IndexManifest.FILE_NAME, IndexIntegrity.RECORD, "write.lock");

  private final Path dir;
  private final Pattern temporary;

  public IndexFolder(Path dir) {
    this.dir = realPath(dir);
    this.temporary =
        Pattern.compile(
            Pattern.quote(this.dir.getFileName().toString())
                + "\\.(building|old)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  public Path path() {
    return dir;
  }

  /**
   * Refuses an {@code index.dir} that is a file, or a non-empty folder Wenda did not make.
   *
   * @throws WendaException naming the path and the setting
   */
  public void claim() {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new WendaException(
          "index.dir is "
              + dir
              + ", which is a file, not an index folder; Wenda will not"
              + " replace or delete it. Set index.dir to a new or empty folder.");
    }
    if (!isWendas(dir) && !isEmpty(dir)) {
      throw new WendaException(
          "index.dir is "
              + dir
              + ", a folder with files that is not a Wenda index (it has no "
              + IndexManifest.FILE_NAME
              + " or "
              + MARKER
              + "); Wenda will not build over it or delete anything in it. Set"
              + " index.dir to a new or empty folder (an index left by an older Wenda without a readable manifest: delete"
              + " it yourself).");
    }
  }

  /**
   * Refuses an index folder that is the corpus folder or lies inside it, or holds it: a rebuild
   * would swap the documents away, and the index's files would be read as documents.
   */
  public void refuseOverlapWith(Path corpusDir) {
    Path corpus = corpusDir.toAbsolutePath().normalize();
    if (dir.startsWith(corpus) || corpus.startsWith(dir)) {
      throw new WendaException(
          "index.dir ("
              + dir
              + ") and corpus.dir ("
              + corpus
              + ") overlap; the index must"
              + " live outside the corpus folder and must not contain it. Set index.dir to a folder of its own.");
    }
  }

  /** True for a folder that carries Wenda's marker or a readable Wenda manifest. */
  public static boolean isWendas(Path folder) {
    return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
        && (Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
            || IndexManifest.read(folder).isPresent());
  }

  /** Creates the folder that will hold the index folder (0700 for what is created). */
  public void createParent() throws IOException {
    PrivateFiles.createDirectories(dir.getParent());
  }

  /** Marks an index folder from before markers existed (its manifest proved it Wenda's). */
  void markIfUnmarked() {
    Path marker = dir.resolve(MARKER);
    if (Files.isDirectory(dir) && !Files.exists(marker)) {
      try {
        writeMarker(dir);
      } catch (IOException e) {
        log.debug("could not mark {}: {}", dir, e.toString());
      }
    }
  }

  /** A new empty sibling folder (0700, marked as Wenda's) to build an index in. */
  public Path newBuilding() throws IOException {
    Path building = dir.resolveSibling(dir.getFileName() + ".building-" + UUID.randomUUID());
    PrivateFiles.createDirectories(building);
    writeMarker(building);
    return building;
  }

  /**
   * A new sibling holding the current index's files, to change and then swap in, so a write that
   * fails half-way (disk full, a crash) leaves the serving folder untouched. Lucene never rewrites
   * a file once written, so the copy hard-links the files where the file system allows it.
   */
  public Path stageCopy() throws IOException {
    Path building = newBuilding();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
            || name.equals(MARKER)
            || name.equals("write.lock")
            || name.equals(IndexIntegrity.RECORD)
            || name.endsWith(".tmp")) {
          continue;
        }
        Path target = building.resolve(name);
        try {
          Files.createLink(target, f);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return building;
  }

  /**
   * Replaces the index folder by {@code building} with two renames and deletes the previous folder,
   * re-checking first that it is Wenda's. If the second rename fails, the previous folder is put
   * back.
   */
  public void swapIn(Path building) throws IOException {
    Path old = null;
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      claim();
      old = dir.resolveSibling(dir.getFileName() + ".old-" + UUID.randomUUID());
      Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(building, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        try {
          Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException back) {
          e.addSuppressed(back);
        }
      }
      throw e;
    }
    if (old != null) {
      deleteIfWendas(old);
    }
  }

  /** Removes Wenda's temporary siblings that a crash during a build or swap left behind. */
  public void removeLeftovers() throws IOException {
    Path parent = dir.getParent();
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p : siblings.toList()) {
        if (temporary.matcher(p.getFileName().toString()).matches()) {
          deleteIfWendas(p);
        }
      }
    }
  }

  /**
   * Deletes {@code folder} with everything in it if it is provably Wenda's (or empty); otherwise
   * leaves it and warns.
   */
  public static void deleteIfWendas(Path folder) {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!isWendas(folder) && !isEmpty(folder)) {
      log.warn("not deleting {}: it does not carry Wenda's {} or manifest", folder, MARKER);
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }

  /** Whether {@code name} in an index folder is one of Lucene's files (not Wenda's own). */
  static boolean isLuceneFile(String name) {
    return !NOT_LUCENE.contains(name) && !name.endsWith(".tmp");
  }

  private static boolean isEmpty(Path folder) {
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false; // unreadable: certainly not ours to delete
    }
  }

  // A symbolic link to the index is followed, so the swap happens where the index really is and
  // the link stays a link.
  private static Path realPath(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(abs)) {
      try {
        return abs.toRealPath();
      } catch (IOException e) {
        return abs; // a dangling link: claim() refuses it as a file
      }
    }
    return abs;
  }

  private static void writeMarker(Path folder) throws IOException {
    Path marker = folder.resolve(MARKER);
    Files.writeString(
        marker,
        "Wenda index folder: Wenda may replace or delete this folder and everything in it.\n");
    PrivateFiles.restrict(marker);
  }
}
