package io.github.wenda.retrieval.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every {@code *.txt} and {@code *.md} file under a folder, recursively, in path order.
 *
 * <p>Text is UTF-8. Files that are not get one more chance as GB18030 (the usual encoding of
 * Chinese text saved on Windows) with a warning; anything else fails naming the file and the
 * byte offset of the first bad byte. Empty and binary files are skipped with a warning, so one
 * stray file never stops the bot.
 */
public final class CorpusLoader {
  private static final Logger log = LoggerFactory.getLogger(CorpusLoader.class);
  private static final Charset GB18030 = Charset.forName("GB18030");

  private final Path dir;

  public CorpusLoader(Path dir) {
    this.dir = dir;
  }

  /** The loaded documents, with warnings for skipped files logged and collected. */
  public Corpus load() {
    if (!Files.isDirectory(dir)) {
      throw new CorpusException(dir, -1, "corpus folder does not exist or is not a folder");
    }
    Catalog catalog = Catalog.load(dir);
    List<Document> documents = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Path file : listFiles()) {
      String relative = dir.relativize(file).toString().replace('\\', '/');
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new CorpusException(file, "cannot be read: " + e.getMessage(), e);
      }
      if (isBlank(bytes)) {
        warn(warnings, "skipping empty file " + file);
        continue;
      }
      if (looksBinary(bytes)) {
        warn(warnings, "skipping binary file " + file);
        continue;
      }
      String text = decode(file, bytes, warnings);
      String id = stripExtension(relative);
      DocumentInfo info =
          catalog.find(relative).orElseGet(() -> new DocumentInfo(fallbackTitle(id, text), "", ""));
      if (info.title().isBlank()) {
        info = new DocumentInfo(fallbackTitle(id, text), info.author(), info.source());
      }
      documents.add(new Document(id, file, info, text, sha256(bytes)));
    }
    return new Corpus(documents, warnings);
  }

  private List<Path> listFiles() {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(CorpusLoader::isCorpusFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CorpusException(dir, "cannot be listed: " + e.getMessage(), e);
    }
  }

  static boolean isCorpusFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".txt") || name.endsWith(".md")) && !name.startsWith(".");
  }

  static String decode(Path file, byte[] bytes, List<String> warnings) {
    int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = utf8.decode(in, out, true);
    if (!result.isError()) {
      utf8.flush(out);
      return out.flip().toString();
    }
    long badOffset = in.position();
    try {
      String text = strict(GB18030).decode(ByteBuffer.wrap(bytes)).toString();
      warn(warnings, file + " is not UTF-8 (byte " + badOffset + "); read it as GB18030");
      return text;
    } catch (CharacterCodingException e) {
      throw new CorpusException(file, badOffset, "is neither UTF-8 nor GB18030 text");
    }
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b & 0xff) && (b & 0xff) != 0xEF && (b & 0xff) != 0xBB && (b & 0xff) != 0xBF) {
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

  private static void warn(List<String> warnings, String message) {
    log.warn(message);
    warnings.add(message);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
