package io.github.wenda.bot.config;

import java.nio.file.Path;

/**
 * Where a setting's value came from; {@link #toString()} is the short form used in messages and
 * {@code config show}: {@code default}, {@code config/wenda.yaml:4}, {@code env WENDA_SEARCH_K},
 * {@code --set search.k=8}.
 */
public sealed interface Source {

  /** The default written in {@link SettingsSchema}. */
  record Default() implements Source {
    @Override
    public String toString() {
      return "default";
    }
  }

  /** A key in the YAML config file, at a 1-based line. */
  record ConfigFile(Path file, int line) implements Source {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /** An environment variable such as {@code WENDA_SEARCH_K}. */
  record Env(String variable) implements Source {
    @Override
    public String toString() {
      return "env " + variable;
    }
  }

  /** A {@code --set key=value} command-line option, kept as the user typed it. */
  record SetOption(String argument) implements Source {
    @Override
    public String toString() {
      return "--set " + argument;
    }
  }
}
