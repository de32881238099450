package io.github.wenda.retrieval.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats Wenda reads, told apart by file extension (what operators' file managers show, too).
 */
public enum DocumentFormat {
  PDF("pdf", List.of(".pdf")),
  HTML("html", List.of(".html", ".htm", ".xhtml")),
  DOCX("docx", List.of(".docx")),
  MARKDOWN("markdown", List.of(".md", ".markdown")),
  TEXT("text", List.of(".txt"));

  private final String label;
  private final List<String> extensions;

  DocumentFormat(String label, List<String> extensions) {
    this.label = label;
    this.extensions = extensions;
  }

  /** The lower-case name shown in summaries. */
  public String label() {
    return label;
  }

  public List<String> extensions() {
    return extensions;
  }

  /** The format of a file by its extension, if Wenda reads it. */
  public static Optional<DocumentFormat> of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (DocumentFormat f : values()) {
      for (String ext : f.extensions) {
        if (name.endsWith(ext) && name.length() > ext.length()) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }

  /** Formats with pages, whose citations name the page. */
  public boolean isPaged() {
    return this == PDF;
  }
}
