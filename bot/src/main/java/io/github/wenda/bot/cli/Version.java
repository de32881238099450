package io.github.wenda.bot.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (shaded builds), or "dev". */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"wenda " + (v == null ? "dev" : v)};
  }
}
