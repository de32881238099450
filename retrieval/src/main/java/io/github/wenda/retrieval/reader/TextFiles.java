package io.github.wenda.retrieval.reader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes text files: UTF-8 (with or without BOM); else GB18030, the usual encoding of Chinese text
 * saved on Windows; a file whose only fault is a multi-byte character cut off at its very end (an
 * interrupted copy) keeps everything before it. Anything else is refused naming the first bad byte,
 * since guessing further (Latin-1 decodes any bytes at all) would index garbage.
 */
public final class TextFiles {
  private static final Charset GB18030 = Charset.forName("GB18030");

  /**
   * Reads and decodes a text file (UTF-8, else GB18030, as {@link #decode}).
   *
   * @throws UnreadableDocumentException naming the file and why, when it cannot be read or decoded
   */
  public static String readText(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UnreadableDocumentException(file, "cannot be read: " + e.getMessage(), e);
    }
    return decode(file, bytes).text();
  }

  /** The decoded text and, when it was not plain UTF-8, a warning saying how it was read. */
  public record Decoded(String text, Optional<String> warning) {}

  private TextFiles() {}

  public static Decoded decode(Path file, byte[] bytes) {
    int skip =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = utf8.decode(in, out, true);
    if (!result.isError()) {
      utf8.flush(out);
      return new Decoded(out.flip().toString(), Optional.empty());
    }
    int badOffset = in.position();
    if (bytes.length - badOffset <= 3 && isTruncatedSequence(bytes, badOffset)) {
      return new Decoded(
          out.flip().toString(),
          Optional.of(
              file
                  + " ends in a cut-off UTF-8 character (byte "
                  + badOffset
                  + "); read the text before it"));
    }
    try {
      String text = strict(GB18030).decode(ByteBuffer.wrap(bytes)).toString();
      return new Decoded(
          text, Optional.of(file + " is not UTF-8 (byte " + badOffset + "); read it as GB18030"));
    } catch (CharacterCodingException e) {
      throw new UnreadableDocumentException(
          file,
          "neither UTF-8 nor GB18030 text (first bad byte at "
              + badOffset
              + "; Latin-1 or another encoding?): save it as UTF-8");
    }
  }

  // A lead byte of a multi-byte sequence followed only by continuation bytes, up to the end.
  private static boolean isTruncatedSequence(byte[] bytes, int from) {
    int lead = bytes[from] & 0xff;
    if (lead < 0xC2 || lead > 0xF4) {
      return false;
    }
    for (int i = from + 1; i < bytes.length; i++) {
      if ((bytes[i] & 0xC0) != 0x80) {
        return false;
      }
    }
    return true;
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
