package io.github.wenda.retrieval.eval;

import io.github.wenda.retrieval.api.WendaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;

/**
 * The text of a file as the plainest use of each format's library gives it: jsoup's {@code text()}
 * of the whole HTML page, PDFBox's {@link PDFTextStripper} over every page, UTF-8 for .txt/.md. No
 * structure, no cleaning: the baseline must be what anyone gets with no work.
 */
final class PlainText {
  private PlainText() {}

  /** The format a baseline reads a file as, from its extension; empty for every other file. */
  static Optional<String> format(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return Optional.of("html");
    }
    if (name.endsWith(".pdf")) {
      return Optional.of("pdf");
    }
    if (name.endsWith(".txt") || name.endsWith(".md")) {
      return Optional.of("txt");
    }
    return Optional.empty();
  }

  /**
   * @throws WendaException naming the file when it cannot be read or parsed
   * @throws IllegalArgumentException for a file {@link #format} does not read
   */
  static String of(Path file) {
    String format =
        format(file)
            .orElseThrow(
                () -> new IllegalArgumentException("not a format the baseline reads: " + file));
    try {
      return switch (format) {
        // A null charset: jsoup takes the page's own <meta charset>, else UTF-8.
        case "html" -> Jsoup.parse(file.toFile(), null).text();
        case "pdf" -> pdf(file);
        default -> Files.readString(file, StandardCharsets.UTF_8);
      };
    } catch (IOException | RuntimeException e) {
      throw new WendaException(
          "baseline cannot read " + file + " as " + format + ": " + e.getMessage(), e);
    }
  }

  private static String pdf(Path file) throws IOException {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
