package io.github.wenda.bot.config;

import java.nio.file.Path;

/**
 * The kinds of value a {@link Setting} can hold, each with the Java type {@link Config} returns.
 */
public enum SettingType {
  STRING(String.class, "text"),
  PATH(Path.class, "a path"),
  INT(Integer.class, "an integer"),
  DOUBLE(Double.class, "a number"),
  BOOLEAN(Boolean.class, "true or false"),
  /** One of a fixed list of strings, see {@link Setting#choices()}. */
  CHOICE(String.class, "one of the allowed values");

  private final Class<?> javaType;
  private final String noun;

  SettingType(Class<?> javaType, String noun) {
    this.javaType = javaType;
    this.noun = noun;
  }

  /** The class of values of this type, as stored in {@link Config}. */
  public Class<?> javaType() {
    return javaType;
  }

  /** What a value must be, for messages: "search.k must be {noun}". */
  String noun() {
    return noun;
  }

  boolean isNumeric() {
    return this == INT || this == DOUBLE;
  }
}
