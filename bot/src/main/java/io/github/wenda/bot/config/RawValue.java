package io.github.wenda.bot.config;

/**
 * A value as the user wrote it, before conversion: the text plus what kind of YAML node it was, so
 * messages can echo it faithfully ({@code "five"} for text, {@code 5} for a YAML number).
 */
record RawValue(String text, Kind kind) {

  enum Kind {
    /** A string: YAML string scalar, environment variable or {@code --set} value. */
    TEXT,
    /** A YAML number or boolean, echoed without quotes. */
    SCALAR,
    /** YAML null or an empty value: means "not set here". */
    NULL,
    /** A YAML sequence. */
    LIST,
    /** A YAML mapping where a value was expected. */
    SECTION
  }

  static RawValue text(String text) {
    return new RawValue(text, Kind.TEXT);
  }

  /** Whether this says nothing, so the layer below (in the end the default) applies. */
  boolean isAbsent() {
    return kind == Kind.NULL || (kind == Kind.TEXT && text.isBlank());
  }

  /** The value for a message after "but is", e.g. {@code : "five"} or {@code a list}. */
  String butIs() {
    return switch (kind) {
      case TEXT -> ": " + quote(text);
      case SCALAR -> ": " + text;
      case NULL -> ": null";
      case LIST -> " a list";
      case SECTION -> " a section (nested keys)";
    };
  }

  /** Double-quotes {@code text}, escaping so that the message stays on one line. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
