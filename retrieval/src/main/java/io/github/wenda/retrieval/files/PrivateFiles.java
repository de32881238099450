package io.github.wenda.retrieval.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Folders and files Wenda creates for its own data: folders 0700, files 0600 where the file system
 * has POSIX permissions. The index and the embedding cache hold the whole corpus's text, which may
 * be private; the umask's usual 0644 would show it to every user of the machine. Only what Wenda
 * creates is restricted; folders that already existed keep their permissions.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /**
   * Creates {@code dir} and its missing parents, each 0700; existing folders are left as they are.
   */
  public static Path createDirectories(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    Deque<Path> missing = new ArrayDeque<>();
    for (Path p = abs; p != null && !Files.exists(p); p = p.getParent()) {
      missing.push(p);
    }
    while (!missing.isEmpty()) {
      Path p = missing.pop();
      try {
        if (posix(p.getParent())) {
          Files.createDirectory(p, PosixFilePermissions.asFileAttribute(FOLDER));
          Files.setPosixFilePermissions(
              p, FOLDER); // the umask may have taken bits away, never added: set exactly
        } else {
          Files.createDirectory(p);
        }
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(p)) {
          throw e;
        }
      }
    }
    return dir;
  }

  /** Makes a file Wenda wrote readable by its owner only (0600); a folder 0700. */
  public static void restrict(Path path) throws IOException {
    if (!posix(path)) {
      return;
    }
    Files.setPosixFilePermissions(
        path, Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE);
  }

  /**
   * {@link #restrict} on a folder Wenda made and everything in it (symbolic links are not
   * followed).
   */
  public static void restrictTree(Path dir) throws IOException {
    if (!posix(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        if (!Files.isSymbolicLink(p)) {
          restrict(p);
        }
      }
    }
  }

  /** The attribute that creates a file 0600 from the start (none where POSIX is unsupported). */
  public static FileAttribute<?>[] fileAttributes(Path parent) {
    return posix(parent)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path p) {
    Path probe = p == null ? Path.of("").toAbsolutePath() : p;
    return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
