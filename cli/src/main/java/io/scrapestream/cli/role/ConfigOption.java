package io.scrapestream.cli.role;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every role shares. */
public final class ConfigOption {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      required = true,
      description = "The Scrapestream YAML configuration file.")
  Path file;

  public Path file() {
    return file;
  }
}
