package io.scrapestream.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (or "dev" when run from classes). */
public final class VersionProvider implements IVersionProvider {
  public static String version() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"scrapestream " + version(), "Java " + System.getProperty("java.version")};
  }
}
