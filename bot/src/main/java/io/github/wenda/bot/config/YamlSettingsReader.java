package io.github.wenda.bot.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a nested YAML settings file into flat dotted keys, each with the line it is on.
 *
 * <p>Walks Jackson's token stream rather than binding to a tree, because only the tokens carry line
 * numbers. Nested mappings are flattened ({@code search: {k: 5}} → {@code search.k}) except where
 * the path is already a setting's key: there the mapping is the (wrong) value.
 */
final class YamlSettingsReader {
  private static final YAMLFactory YAML = new YAMLFactory();

  /** One key as written in the file: dotted key, its value and the 1-based line of the key. */
  record Entry(String key, RawValue value, int line) {}

  private final Path file;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, Integer> firstLine = new HashMap<>();

  private YamlSettingsReader(Path file) {
    this.file = file;
  }

  /**
   * Reads {@code file}, which must exist.
   *
   * @return the file's keys in file order; empty for an empty or comment-only file
   * @throws ConfigException for unreadable files, malformed YAML, a top level that is not a
   *     mapping, duplicate keys, YAML aliases or several documents
   */
  /**
   * The largest config file read: a hundred times the shipped one, so no real config is refused.
   */
  static final int MAX_BYTES = 1 << 20;

  static List<Entry> read(Path file) {
    String text;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      // Bounded: /dev/zero or a huge file given by mistake must be an error, not an
      // OutOfMemoryError.
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw ConfigException.withoutKey(
            "config file "
                + file
                + " is larger than "
                + (MAX_BYTES >> 10)
                + " KiB: not a Wenda config file (the shipped one is about 10 KiB)");
      }
      text =
          java.nio.charset.StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw ConfigException.withoutKey(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw ConfigException.withoutKey("cannot read config file " + file + ": " + e, e);
    }
    return new YamlSettingsReader(file).parse(text);
  }

  private List<Entry> parse(String text) {
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return entries;
      }
      if (first != JsonToken.START_OBJECT) {
        throw ConfigException.withoutKey(
            at(parser) + ": expected settings as 'key: value' lines, but found " + nodeName(first));
      }
      readMapping(parser, "");
      if (parser.nextToken() != null) {
        throw ConfigException.withoutKey(
            at(parser) + ": a second YAML document ('---'); put all settings in one");
      }
      return entries;
    } catch (JacksonException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw ConfigException.withoutKey("cannot read config file " + file + ": " + e, e);
    }
  }

  /** Reads the fields of a mapping whose START_OBJECT is the current token. */
  private void readMapping(JsonParser parser, String prefix) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix + parser.currentName();
      int line = parser.currentTokenLocation().getLineNr();
      JsonToken token = parser.nextToken();
      if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        // Jackson hands an alias over as the anchor's name, which would silently become the value.
        throw new ConfigException(
            key,
            at(parser)
                + ": YAML aliases (*"
                + parser.getText()
                + ") are not supported in settings; write "
                + key
                + "'s value out");
      }
      if (token == JsonToken.START_OBJECT && SettingsSchema.find(key).isEmpty()) {
        readMapping(parser, key + ".");
        continue;
      }
      add(key, line, toRaw(parser, token));
    }
  }

  private static RawValue toRaw(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        parser.skipChildren();
        yield new RawValue("", RawValue.Kind.SECTION);
      }
      case START_ARRAY -> {
        parser.skipChildren();
        yield new RawValue("", RawValue.Kind.LIST);
      }
      case VALUE_NULL -> new RawValue("", RawValue.Kind.NULL);
      case VALUE_STRING -> RawValue.text(parser.getText());
      default -> new RawValue(parser.getText(), RawValue.Kind.SCALAR);
    };
  }

  private void add(String key, int line, RawValue value) {
    // Jackson keeps the last of two equal keys; a silent winner hides mistakes, so refuse.
    Integer earlier = firstLine.putIfAbsent(key, line);
    if (earlier != null) {
      throw new ConfigException(
          key, file + ":" + line + ": " + key + " is set twice (first on line " + earlier + ")");
    }
    entries.add(new Entry(key, value, line));
  }

  private String at(JsonParser parser) {
    return file + ":" + parser.currentTokenLocation().getLineNr();
  }

  private static String nodeName(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "plain text";
      default -> "a single value";
    };
  }

  /** One line naming the file, line and column, in words rather than parser jargon. */
  private ConfigException malformed(JacksonException e) {
    int line;
    int column;
    String problem;
    // Jackson wraps SnakeYAML's error; its problem mark is where the text is wrong, whereas
    // Jackson's own location is the last good token, sometimes a line earlier.
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml
        && yaml.getProblemMark() != null) {
      line = yaml.getProblemMark().getLine() + 1;
      column = yaml.getProblemMark().getColumn() + 1;
      problem = plainWords(yaml.getProblem(), yaml.getContext());
    } else {
      JsonLocation location = e.getLocation();
      line = location == null ? -1 : location.getLineNr();
      column = location == null ? -1 : location.getColumnNr();
      String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      problem = original.lines().findFirst().orElse("syntax error");
    }
    String where = line > 0 ? file + ":" + line + ":" + column : file.toString();
    return ConfigException.withoutKey(where + ": not valid YAML: " + problem, e);
  }

  /** Rephrases SnakeYAML's commonest complaints; others pass through as its single-line text. */
  static String plainWords(String problem, String context) {
    String p = problem == null ? "" : problem;
    String c = context == null ? "" : context;
    if (p.contains("\\t(TAB)")) {
      return "a tab character; indent with spaces";
    }
    if (p.contains("<block end>")) {
      return "indentation does not line up with the lines above";
    }
    if (p.startsWith("mapping values are not allowed")) {
      return "unexpected ':'; quote values that contain ': '";
    }
    if (c.contains("quoted scalar")) {
      return "a quoted value is not closed";
    }
    if (c.contains("flow sequence")) {
      return "a '[' list is not closed with ']'";
    }
    if (c.contains("flow mapping")) {
      return "a '{' mapping is not closed with '}'";
    }
    // Some SnakeYAML problems end with a hint in parentheses that does not apply (e.g. "@").
    String first = p.lines().findFirst().orElse("syntax error");
    return first.replaceAll("\\s*\\(Do not use .* for indentation\\)", "");
  }
}
