package io.github.wenda.bot.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a {@link RawValue} into the typed value of a {@link Setting}, checking range and choices.
 */
final class SettingValues {
  // Plain decimal only: Java's parsers would also take "0x10", "1d" or "NaN", which no one means.
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private SettingValues() {}

  /**
   * Converts {@code raw} (not {@link RawValue#isAbsent() absent}) for {@code setting}.
   *
   * @throws ConfigException naming the key, the value and {@code source} when the value has the
   *     wrong type, is out of range or is not an allowed choice
   */
  static Object convert(Setting setting, RawValue raw, Source source) {
    if (raw.kind() == RawValue.Kind.LIST || raw.kind() == RawValue.Kind.SECTION) {
      throw wrongType(setting, raw, source);
    }
    String text = raw.text().trim();
    return switch (setting.type()) {
      case STRING -> text;
      case PATH -> toPath(setting, raw, source, text);
      case INT -> toInt(setting, raw, source, text);
      case DOUBLE -> toDouble(setting, raw, source, text);
      case BOOLEAN -> toBoolean(setting, raw, source, text);
      case CHOICE -> toChoice(setting, raw, source, text);
    };
  }

  private static Path toPath(Setting setting, RawValue raw, Source source, String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw wrongType(setting, raw, source);
    }
  }

  private static Integer toInt(Setting setting, RawValue raw, Source source, String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw wrongType(setting, raw, source);
    }
    // BigInteger so that 99999999999 is reported as out of range, not as "not an integer".
    BigInteger value = new BigInteger(text);
    Setting.Range range = setting.range().orElseThrow();
    if (value.compareTo(BigInteger.valueOf(range.min().longValue())) < 0
        || value.compareTo(BigInteger.valueOf(range.max().longValue())) > 0) {
      throw outOfRange(setting, text, source);
    }
    return value.intValueExact();
  }

  private static Double toDouble(Setting setting, RawValue raw, Source source, String text) {
    if (!DECIMAL.matcher(text).matches()) {
      throw wrongType(setting, raw, source);
    }
    BigDecimal value = new BigDecimal(text);
    Setting.Range range = setting.range().orElseThrow();
    if (value.compareTo(BigDecimal.valueOf(range.min().doubleValue())) < 0
        || value.compareTo(BigDecimal.valueOf(range.max().doubleValue())) > 0) {
      throw outOfRange(setting, text, source);
    }
    return value.doubleValue();
  }

  private static Boolean toBoolean(Setting setting, RawValue raw, Source source, String text) {
    // Only true/false: YAML 1.1's yes/no/on/off surprise people ("NO" the country code).
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw wrongType(setting, raw, source);
  }

  private static String toChoice(Setting setting, RawValue raw, Source source, String text) {
    String wanted = text.toLowerCase(Locale.ROOT);
    for (String choice : setting.choices()) {
      if (choice.toLowerCase(Locale.ROOT).equals(wanted)) {
        return choice;
      }
    }
    throw new ConfigException(
        setting.key(),
        raw.text(),
        setting.key()
            + " must be one of "
            + setting.choices()
            + ", but is"
            + raw.butIs()
            + " ("
            + source
            + ")");
  }

  private static ConfigException wrongType(Setting setting, RawValue raw, Source source) {
    String what =
        setting.type() == SettingType.CHOICE
            ? "one of " + setting.choices()
            : setting.type().noun();
    return new ConfigException(
        setting.key(),
        raw.text(),
        source + ": " + setting.key() + " must be " + what + ", but is" + raw.butIs());
  }

  private static ConfigException outOfRange(Setting setting, String text, Source source) {
    return new ConfigException(
        setting.key(),
        text,
        setting.key()
            + " must be between "
            + setting.range().orElseThrow().min()
            + " and "
            + setting.range().orElseThrow().max()
            + ", but is: "
            + text
            + " ("
            + source
            + ")");
  }
}
