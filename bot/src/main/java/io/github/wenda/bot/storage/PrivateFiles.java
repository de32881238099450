package io.github.wenda.bot.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates Wenda's data files readable by their owner only: questions, votes and history say who
 * asked what, so a shared machine's other users must not read them. Folders Wenda creates get 0700,
 * files 0600; on file systems without POSIX permissions (Windows) the defaults stay.
 */
public final class PrivateFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /**
   * Creates {@code dir} and any missing parents, each new one 0700; existing folders are left as
   * they are.
   */
  public static void createDirectories(Path dir) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
      missing.add(0, p);
    }
    for (Path p : missing) {
      try {
        Files.createDirectory(p, dirAttributes());
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another process made it meanwhile: fine
      }
    }
  }

  /** Opens {@code file} for appending, creating it (and its folders) owner-only when missing. */
  public static FileChannel openAppend(Path file) throws IOException {
    createDirectories(file.toAbsolutePath().getParent());
    if (!Files.exists(file)) {
      try {
        Files.createFile(file, fileAttributes());
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // created meanwhile: append to it
      }
    }
    return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /**
   * Creates an empty owner-only file, replacing nothing: for a temporary file about to be renamed
   * over another.
   */
  public static FileChannel create(Path file) throws IOException {
    createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file);
    Files.createFile(file, fileAttributes());
    return FileChannel.open(file, StandardOpenOption.WRITE);
  }

  /** Makes an existing file owner-only (JLine, for one, creates its history file itself). */
  public static void restrict(Path file) throws IOException {
    if (POSIX && Files.exists(file)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }

  private static FileAttribute<?>[] dirAttributes() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIR)}
        : new FileAttribute<?>[0];
  }

  private static FileAttribute<?>[] fileAttributes() {
    return POSIX
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
        : new FileAttribute<?>[0];
  }
}
