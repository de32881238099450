package io.github.wenda.bot.config;

/**
 * A secret read from the environment (API key, bot token). Its {@code toString} never shows the
 * value, so it can sit in records and log lines safely; only {@link #reveal()} gives it out.
 */
public final class Secret {
  private static final Secret NONE = new Secret("");
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** The value of environment variable {@code name} in {@code env}; empty when unset or blank. */
  public static Secret fromEnv(java.util.Map<String, String> env, String name) {
    String v = name == null || name.isBlank() ? null : env.get(name);
    return v == null || v.isBlank() ? NONE : new Secret(v.strip());
  }

  public boolean isPresent() {
    return !value.isEmpty();
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return isPresent() ? "***" : "(unset)";
  }
}
